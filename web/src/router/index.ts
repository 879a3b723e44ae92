import { createRouter, createWebHistory, type Router } from 'vue-router';
import { useSessionStore } from '@/stores/session';
import { homeOf, routes, type Role } from './routes';

export function createConsoleRouter(): Router {
  const router = createRouter({ history: createWebHistory('/console/'), routes });

  router.beforeEach((to) => {
    const session = useSessionStore();
    if (to.meta.public) return true;
    if (!session.signedIn) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
    const role = session.role as Role;
    if (to.name === 'home') return homeOf(role);
    if (to.meta.roles && !to.meta.roles.includes(role)) return homeOf(role);
    return true;
  });

  const session = useSessionStore();
  session.whenExpired(() => {
    const current = router.currentRoute.value;
    if (current.name !== 'login') void router.push({ name: 'login', query: { redirect: current.fullPath } });
  });
  return router;
}

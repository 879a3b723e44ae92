import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { IS_PUBLIC, ROLES_KEY } from '../../src/auth/actor.js';
import type { Role } from '../../src/domain/actor.js';

/** One HTTP route the application registered, with what its decorators say about access. */
export interface RouteInfo {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** `/cases/:id/actions` */
  path: string;
  isPublic: boolean;
  roles: Role[] | undefined;
  controller: string;
}

const join = (...parts: string[]): string =>
  '/' +
  parts
    .flatMap((p) => p.split('/'))
    .filter((p) => p !== '')
    .join('/');

const METHODS: Partial<Record<RequestMethod, RouteInfo['method']>> = {
  [RequestMethod.GET]: 'GET',
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.PATCH]: 'PATCH',
  [RequestMethod.DELETE]: 'DELETE',
};

/**
 * Every route of every controller of the application, read from the same metadata Nest routes by
 * (`@Controller`/`@Get`… paths, `@Public`, `@Roles` on the method or the class): no hand-kept list.
 */
export function routeInventory(app: INestApplication): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!type) continue;
      const prefixes = [Reflect.getMetadata(PATH_METADATA, type) as string | string[] | undefined ?? ''].flat();
      const proto = type.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const methodPaths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (methodPaths === undefined || requestMethod === undefined) continue;
        const method = METHODS[requestMethod];
        if (!method) throw new Error(`route ${type.name}.${name}: method ${requestMethod} not covered by the inventory`);
        const isPublic = Boolean(Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, type));
        const roles = (Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, type)) as Role[] | undefined;
        for (const prefix of prefixes) for (const path of [methodPaths].flat()) routes.push({ method, path: join(prefix, path), isPublic, roles, controller: `${type.name}.${name}` });
      }
    }
  }
  return routes;
}

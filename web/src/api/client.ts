import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError, type ApiErrorBody } from './errors';

/**
 * The one typed client of the console, generated from the service's OpenAPI document (schema.d.ts).
 * It adds the access token and the language to every request, and on a 401 renews the session once
 * (single flight) and repeats the request; when that fails the session hooks send the user to the login.
 */
export interface SessionHooks {
  accessToken(): string | null;
  /** Renews the tokens; false when the session is over. */
  renew(): Promise<boolean>;
  expired(): void;
  language(): string;
}

let hooks: SessionHooks = { accessToken: () => null, renew: () => Promise.resolve(false), expired: () => undefined, language: () => 'zh-CN' };

export function bindSession(next: SessionHooks): void {
  hooks = next;
}

const SESSION_ROUTES = ['/auth/login', '/auth/refresh'];
const pending = new Map<string, Request>();

const session: Middleware = {
  onRequest({ request, id }) {
    const token = hooks.accessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    request.headers.set('Accept-Language', hooks.language());
    pending.set(id, request.clone());
    return request;
  },
  async onResponse({ request, response, id }) {
    const original = pending.get(id);
    pending.delete(id);
    if (response.status !== 401 || SESSION_ROUTES.some((route) => new URL(request.url).pathname === route)) return response;
    if (!original || !(await hooks.renew())) {
      hooks.expired();
      return response;
    }
    const retry = new Request(original, { headers: new Headers(original.headers) });
    retry.headers.set('Authorization', `Bearer ${hooks.accessToken() ?? ''}`);
    const repeated = await fetch(retry);
    if (repeated.status === 401) hooks.expired();
    return repeated;
  },
  onError({ id }) {
    pending.delete(id);
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(session);

/** The answer's data, or an ApiError carrying the API's code, sentence and field problems. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) throw ApiError.from(result.response.status, result.error as ApiErrorBody | undefined);
  return result.data as T;
}

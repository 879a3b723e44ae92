/**
 * The only routes that take `multipart/form-data` (POST), read by Nest's FileInterceptor with its own limits;
 * every other body must be JSON (json-body.ts). Matched on the path without the query.
 */
export const MULTIPART_ROUTES: readonly RegExp[] = [
  // POST /cases/:id/attachments (src/case-files)
  /^\/cases\/[^/]+\/attachments\/?$/,
  // POST /unit-links/:token/attachments (src/unit-links: a unit's upload through its link)
  /^\/unit-links\/[^/]+\/attachments\/?$/,
  // POST /ledger-imports (src/ledger-import)
  /^\/ledger-imports\/?$/,
];

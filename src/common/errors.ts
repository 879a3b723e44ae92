/** A sentence for users in both languages; Chinese is the default. */
export interface LocalizedMessage {
  zh: string;
  en: string;
}

/**
 * An expected failure of the domain with a stable machine `code`.
 * The global exception filter turns it into `{ statusCode, code, message, details }`.
 */
export class DomainError extends Error {
  /** Response headers that belong to the answer (e.g. `Retry-After` with a 429). */
  headers: Record<string, string> = {};

  constructor(
    readonly code: string,
    readonly status: number,
    readonly messages: LocalizedMessage,
    readonly details?: unknown,
  ) {
    super(messages.en);
    this.name = 'DomainError';
  }

  withHeader(name: string, value: string): this {
    this.headers[name] = value;
    return this;
  }
}

export const badRequest = (code: string, messages: LocalizedMessage, details?: unknown): DomainError =>
  new DomainError(code, 400, messages, details);
export const notFound = (code: string, messages: LocalizedMessage, details?: unknown): DomainError =>
  new DomainError(code, 404, messages, details);
export const conflict = (code: string, messages: LocalizedMessage, details?: unknown): DomainError =>
  new DomainError(code, 409, messages, details);
export const forbidden = (code: string, messages: LocalizedMessage, details?: unknown): DomainError =>
  new DomainError(code, 403, messages, details);

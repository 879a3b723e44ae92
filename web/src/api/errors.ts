/** The API's one error shape: `{ statusCode, code, message, details, correlationId }` (message in the caller's language). */
export interface ApiErrorBody {
  statusCode?: number;
  code?: string;
  message?: string;
  details?: unknown;
  correlationId?: string;
}

export interface FieldProblem {
  field: string;
  constraint: string;
  message: string;
  messageEn?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static from(status: number, body: ApiErrorBody | undefined): ApiError {
    const message = typeof body?.message === 'string' && body.message ? body.message : '';
    return new ApiError(status, body?.code ?? `HTTP_${status}`, message, body?.details);
  }

  /** The validation problems by field (the first sentence per field), as the API reported them. */
  fieldProblems(): Record<string, string> {
    const problems: Record<string, string> = {};
    if (!Array.isArray(this.details)) return problems;
    for (const item of this.details as unknown[]) {
      if (!isFieldProblem(item)) continue;
      problems[item.field] ??= item.message;
    }
    return problems;
  }
}

function isFieldProblem(item: unknown): item is FieldProblem {
  return typeof item === 'object' && item !== null && typeof (item as FieldProblem).field === 'string' && typeof (item as FieldProblem).message === 'string';
}

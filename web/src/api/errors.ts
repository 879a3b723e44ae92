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

  /**
   * The problems by field, as the API reported them: a validation failure's list (the first sentence per
   * field, in English when asked), or a domain refusal naming one field (`details.field`, e.g. INVALID_PHONE).
   */
  fieldProblems(language = 'zh-CN'): Record<string, string> {
    const problems: Record<string, string> = {};
    if (Array.isArray(this.details)) {
      for (const item of this.details as unknown[]) {
        if (!isFieldProblem(item)) continue;
        problems[item.field] ??= language === 'en' && item.messageEn ? item.messageEn : item.message;
      }
    } else if (typeof this.details === 'object' && this.details !== null && typeof (this.details as { field?: unknown }).field === 'string' && this.message) {
      problems[(this.details as { field: string }).field] = this.message;
    }
    return problems;
  }
}

function isFieldProblem(item: unknown): item is FieldProblem {
  return typeof item === 'object' && item !== null && typeof (item as FieldProblem).field === 'string' && typeof (item as FieldProblem).message === 'string';
}

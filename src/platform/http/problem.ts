/**
 * Typed errors and their one mapping to RFC 9457 problem+json. Domain code throws these;
 * the API error handler turns them into responses, the page handler into an error page.
 */
import { redactPath } from './request-log.js';
export interface FieldError {
  /** JSON pointer-ish path of the field, e.g. "answers.age" or "patient.email". */
  field: string;
  detail: string;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
  }
  get detail(): string {
    return this.message;
  }
}

export class NotFound extends HttpProblem {
  constructor(detail = 'The requested resource does not exist.') {
    super(404, 'Not Found', detail);
  }
}

export class ValidationFailed extends HttpProblem {
  constructor(readonly errors: FieldError[]) {
    super(
      422,
      'Unprocessable Content',
      `Invalid ${errors.map((e) => e.field).join(', ')}: ${errors.map((e) => `${e.field} ${e.detail}`).join('; ')}`,
      { errors },
    );
  }
}

export class Conflict extends HttpProblem {
  constructor(detail: string) {
    super(409, 'Conflict', detail);
  }
}

/**
 * A change the domain refused for a reason with a stable code (`slot_taken`, `visit_changed`):
 * problem+json carries the code for programs; pages show the code's text in the page's language
 * (catalog key `refusal.<code>`), both from the one error handler in app.ts.
 */
export class Refused extends HttpProblem {
  constructor(
    readonly code: string,
    status: 409 | 410,
    detail: string,
  ) {
    super(status, status === 409 ? 'Conflict' : 'Gone', detail, { code });
  }
}

/** A request that must carry a header it lacks (RFC 6585): `Idempotency-Key` on a booking. */
export class PreconditionRequired extends HttpProblem {
  constructor(detail: string) {
    super(428, 'Precondition Required', detail);
  }
}

/** The code of a problem that names none of its own: every problem+json carries a stable `code`. */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  410: 'gone',
  413: 'too_large',
  415: 'unsupported_media_type',
  422: 'invalid_request',
  428: 'idempotency_key_required',
  429: 'rate_limited',
  500: 'internal_error',
  503: 'unavailable',
};

export function problemBody(problem: HttpProblem, instance?: string): Record<string, unknown> {
  return {
    type: 'about:blank',
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    // The path, without any token-like run in it (a private link's token is a secret).
    ...(instance ? { instance: redactPath(instance) } : {}),
    code: CODE_BY_STATUS[problem.status] ?? 'error',
    ...problem.extra,
  };
}

export function problemResponse(
  problem: HttpProblem,
  instance?: string,
  headers: HeadersInit = {},
): Response {
  return new Response(JSON.stringify(problemBody(problem, instance)), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers },
  });
}

/** zod issues -> field errors, with the path joined by dots ("answers.age"). */
export function fieldErrorsFromZod(
  issues: { path: PropertyKey[]; message: string }[],
  prefix = '',
): FieldError[] {
  return issues.map((i) => ({
    field: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(body)',
    detail: i.message,
  }));
}

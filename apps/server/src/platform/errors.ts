// Errors are data: a domain returns one of these; the HTTP layer maps it to a response in one place.
export type Problem = { path: string; message: string };

export interface DomainError {
  readonly kind: 'domain-error';
  readonly code: string;
  readonly status: number;
  readonly message: string;
  readonly hint: string;
  readonly problems?: Problem[];
}

export function domainError(code: string, status: number, message: string, hint: string, problems?: Problem[]): DomainError {
  return { kind: 'domain-error', code, status, message, hint, ...(problems ? { problems } : {}) };
}

export function isDomainError(value: unknown): value is DomainError {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'domain-error';
}

/** Thrown only at the HTTP edge, to turn a returned DomainError into a response. */
export class DomainFailure extends Error {
  constructor(readonly error: DomainError) {
    super(error.message);
  }
}

export function orThrow<T>(result: T | DomainError): T {
  if (isDomainError(result)) throw new DomainFailure(result);
  return result;
}

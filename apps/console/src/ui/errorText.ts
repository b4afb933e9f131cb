import { isApiError, type Problem } from '../lib/api/client.ts';

type TryT = (key: string, fallback: string, vars?: Record<string, string | number>) => string;

/** A failure in the reader's language when we know the code, else the server's own words. */
export function errorText(error: unknown, tryT: TryT): string {
  if (isApiError(error)) return tryT(`error.${error.code}`, error.message);
  if (error instanceof Error) return error.message;
  return String(error);
}

export function errorHint(error: unknown): string | null {
  return isApiError(error) && error.hint ? error.hint : null;
}

export function problemText(problem: Pick<Problem, 'message'>, tryT: TryT): string {
  return tryT(`problem.${problem.message}`, problem.message);
}

export function isNotFound(error: unknown): boolean {
  return isApiError(error) && error.status === 404 && error.code === 'NOT_FOUND';
}

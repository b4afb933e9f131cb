import type { FormInstance } from 'antd';
import { isApiError, type Problem } from '../lib/api/client.ts';
import { problemsForForm } from '../lib/api/formProblems.ts';
import { problemText } from './errorText.ts';

type TryT = (key: string, fallback: string, vars?: Record<string, string | number>) => string;

/**
 * Puts a failed request's problems on the form's fields; returns the problems no field could show.
 * `place` renames the server's paths to the form's own first (e.g. a skill named in the path → its row).
 */
export function applyProblems(form: FormInstance, error: unknown, fields: readonly string[], tryT: TryT, place?: (problems: readonly Problem[]) => Problem[]): Problem[] {
  if (!isApiError(error)) return [];
  const split = problemsForForm(place ? place(error.problems) : error.problems, fields);
  form.setFields(split.fields.map((f) => ({ name: f.name, errors: f.errors.map((message) => problemText({ message }, tryT)) })));
  return split.general;
}

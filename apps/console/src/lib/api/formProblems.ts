import type { Problem } from './client.ts';

export type FieldProblem = { name: (string | number)[]; errors: string[] };

/**
 * Splits the server's problems into those that belong to a form field (for AntD's form.setFields)
 * and the rest (shown above the form). "body.similarQuestions.2" → ["similarQuestions", 2].
 */
export function problemsForForm(problems: readonly Problem[], fields: readonly string[], part = 'body'): { fields: FieldProblem[]; general: Problem[] } {
  const byField = new Map<string, FieldProblem>();
  const general: Problem[] = [];
  for (const problem of problems) {
    const segments = problem.path.split('.');
    if (segments[0] === part) segments.shift();
    const head = segments[0];
    if (!head || !fields.includes(head)) {
      general.push(problem);
      continue;
    }
    const name = segments.map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
    const key = name.join('.');
    const existing = byField.get(key);
    if (existing) existing.errors.push(problem.message);
    else byField.set(key, { name, errors: [problem.message] });
  }
  return { fields: [...byField.values()], general };
}

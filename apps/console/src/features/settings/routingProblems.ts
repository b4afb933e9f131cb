import type { Problem } from '../../lib/api/client.ts';

export type NamePath = (string | number)[];

/**
 * Where a server problem about PUT /settings/routing shows in the form, or null (shown above it).
 * Weekly days are string keys ("1" = Monday); an interval's own problem (end before start) shows on its end;
 * a bad date in holidays shows on the whole list.
 */
export function routingFieldOf(problem: Problem): NamePath | null {
  const parts = problem.path.split('.');
  if (parts[0] !== 'body') return null;
  const rest = parts.slice(1);
  const num = (s: string) => (/^\d+$/.test(s) ? Number(s) : s);
  if (rest[0] === 'businessHours' && rest[1] === 'weekly' && rest[2] !== undefined) {
    const [day, interval, end] = rest.slice(2);
    if (interval === undefined) return ['businessHours', 'weekly', day!];
    return ['businessHours', 'weekly', day!, Number(interval), end === undefined ? 1 : Number(end)];
  }
  if (rest[0] === 'businessHours' && (rest[1] === 'holidays' || rest[1] === 'extraWorkdays')) return ['businessHours', rest[1]];
  const known = ['acceptSeconds', 'presenceGraceSeconds', 'averageHandleSeconds', 'overflow', 'businessHours', 'priorityWeights'];
  if (!rest[0] || !known.includes(rest[0]) || rest.length === 0) return null;
  if ((rest[0] === 'overflow' || rest[0] === 'priorityWeights' || rest[0] === 'businessHours') && rest.length < 2) return null;
  return rest.map(num);
}

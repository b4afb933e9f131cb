import { z } from 'zod';

export const Problem = z.object({
  path: z.string().describe('Where the problem is, e.g. "body.email"'),
  message: z.string(),
});

/** Every 4xx/5xx body: what went wrong, every problem found, and how to fix it. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string().describe('Stable machine-readable code, e.g. VALIDATION_FAILED'),
    message: z.string(),
    hint: z.string(),
    problems: z.array(Problem),
    requestId: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

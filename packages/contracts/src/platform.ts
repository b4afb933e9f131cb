import { z } from 'zod';

export const HealthResponse = z.object({ status: z.literal('ok') });
export const IdParams = z.object({ id: z.string().uuid('must be a UUID') });
export const OkResponse = z.object({ ok: z.literal(true) });

import { z } from 'zod';

// One schema for every environment variable the server reads.
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LINGXI_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres://').optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must start with redis://').optional(),
  LINGXI_ADMIN_EMAIL: z.string().email().optional(),
  LINGXI_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  LINGXI_SEED_DEMO: booleanFlag.default(true),
  LINGXI_ROLES: z
    .string()
    .default('api,realtime,worker')
    .transform((v) => v.split(',').map((r) => r.trim()).filter(Boolean))
    .pipe(z.array(z.enum(['api', 'realtime', 'worker'])).min(1)),
  LINGXI_SESSION_TTL_HOURS: z.coerce.number().positive().default(24 * 7),
  LINGXI_PUBLIC_URL: z.string().url().optional(),
  LINGXI_BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  /** Largest attachment accepted (default 10 MB); where attachments are kept (default LINGXI_DATA_DIR/attachments; share it between nodes). */
  LINGXI_ATTACHMENT_MAX_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  LINGXI_ATTACHMENTS_DIR: z.string().min(1).optional(),
  LINGXI_DB_POOL_SIZE: z.coerce.number().int().positive().default(16),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('production'),
});

export type Config = z.output<typeof ConfigSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = ConfigSchema.safeParse(env);
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
}

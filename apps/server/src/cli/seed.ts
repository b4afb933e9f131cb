import type { Config } from '../config.ts';
import type { Database } from '../platform/db/index.ts';
import type { Clock } from '../platform/clock.ts';
import type { Ids } from '../platform/ids.ts';
import { ensureWorkspace, type EnsuredWorkspace } from '../domains/accounts/index.ts';

export const DEFAULT_WORKSPACE = 'demo';
export const DEFAULT_ADMIN_EMAIL = 'admin@lingxi.local';

/** The default workspace and its admin; on later starts, nothing changes. */
export async function seedDefaultWorkspace(config: Config, deps: { db: Database; clock: Clock; ids: Ids }): Promise<EnsuredWorkspace> {
  return ensureWorkspace(
    { ...deps, sessionTtlHours: config.LINGXI_SESSION_TTL_HOURS },
    {
      slug: DEFAULT_WORKSPACE,
      name: 'Demo 演示',
      adminEmail: config.LINGXI_ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL,
      ...(config.LINGXI_ADMIN_PASSWORD ? { adminPassword: config.LINGXI_ADMIN_PASSWORD } : {}),
    },
  );
}

export function loginBanner(config: Config, seeded: EnsuredWorkspace): string[] {
  const email = seeded.admin?.email ?? config.LINGXI_ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL;
  if (seeded.generatedPassword) {
    return [
      `  Log in as ${email} with password ${seeded.generatedPassword}`,
      `  (shown only this once: change it after logging in, or set another with \`npx lingxi user reset-password --email ${email}\`)`,
    ];
  }
  if (seeded.created) return [`  Log in as ${email} with the password from LINGXI_ADMIN_PASSWORD.`];
  return [`  Log in as ${email} (forgot the password? \`npx lingxi user reset-password --email ${email}\`)`];
}

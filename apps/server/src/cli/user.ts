import { parseArgs } from 'node:util';
import { z } from 'zod';
import { CreateUserRequest, Password } from '@lingxi/contracts';
import type { CliContext } from './context.ts';
import { openConfiguredDatabase } from '../boot.ts';
import { systemClock } from '../platform/clock.ts';
import { systemIds } from '../platform/ids.ts';
import { randomPassword } from '../platform/crypto.ts';
import { isDomainError } from '../platform/errors.ts';
import { createUser, resetPassword, systemActor, workspaceStore } from '../domains/accounts/index.ts';
import { DEFAULT_WORKSPACE } from './seed.ts';

const options = {
  email: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  password: { type: 'string' },
  workspace: { type: 'string', default: DEFAULT_WORKSPACE },
} as const;

/** `lingxi user add|reset-password`: for the first admin of a new install, or a forgotten password. */
export async function runUser({ config, args, out, err }: CliContext): Promise<number> {
  const [action, ...rest] = args;
  if (action !== 'add' && action !== 'reset-password') {
    err('Usage: lingxi user add --email E --name N --role admin|supervisor|agent [--password P]\n       lingxi user reset-password --email E [--password P]');
    return 2;
  }
  const { values } = parseArgs({ args: rest, options, strict: true });
  const generated = values.password ? null : randomPassword();
  const password = values.password ?? generated!;
  const checked =
    action === 'add'
      ? CreateUserRequest.safeParse({ email: values.email, name: values.name ?? values.email?.split('@')[0], role: values.role, password })
      : z.object({ email: z.string().email('must be an email address'), password: Password }).safeParse({ email: values.email, password });
  if (!checked.success) {
    err('The command has problems:');
    for (const issue of checked.error.issues) err(`  - --${issue.path.join('.')}: ${issue.message}`);
    return 2;
  }
  const db = await openConfiguredDatabase(config);
  try {
    const deps = { db, clock: systemClock, ids: systemIds(), sessionTtlHours: config.LINGXI_SESSION_TTL_HOURS };
    const workspace = await workspaceStore.bySlug(db.sql, values.workspace);
    if (!workspace) {
      err(`No workspace "${values.workspace}". Start Lingxi once (npm start) to create the default one.`);
      return 1;
    }
    const actor = { ...systemActor, email: 'cli' };
    const result =
      action === 'add'
        ? await createUser(deps, { workspaceId: workspace.id, actor, email: values.email!, name: values.name ?? values.email!.split('@')[0]!, role: values.role as 'admin', password })
        : await resetPassword(deps, { workspaceId: workspace.id, actor, email: values.email!, newPassword: password });
    if (isDomainError(result)) {
      err(`${result.message} ${result.hint}`);
      return 1;
    }
    out(action === 'add' ? `Created ${result.role} ${result.email} in workspace "${workspace.slug}".` : `Password of ${result.email} reset; their sessions were ended.`);
    if (generated) out(`  Password: ${generated}  (shown only this once)`);
    return 0;
  } finally {
    await db.close();
  }
}

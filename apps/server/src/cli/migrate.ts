import type { CliContext } from './context.ts';
import { openConfiguredDatabase } from '../boot.ts';
import { systemClock } from '../platform/clock.ts';
import { systemIds } from '../platform/ids.ts';
import { loginBanner, seedDefaultWorkspace } from './seed.ts';

export async function runMigrate({ config, out }: CliContext): Promise<number> {
  const db = await openConfiguredDatabase(config);
  await db.close();
  out('Migrations applied.');
  return 0;
}

export async function runSeed({ config, out }: CliContext): Promise<number> {
  const db = await openConfiguredDatabase(config);
  try {
    const seeded = await seedDefaultWorkspace(config, { db, clock: systemClock, ids: systemIds() });
    out(seeded.created ? `Created workspace "${seeded.workspace.slug}".` : `Workspace "${seeded.workspace.slug}" already exists; nothing changed.`);
    for (const line of loginBanner(config, seeded)) out(line);
    return 0;
  } finally {
    await db.close();
  }
}

// Builds the console and the widget when their sources are newer than their last build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function newest(dir) {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

export async function ensureFrontEndsBuilt(root) {
  for (const app of ['console', 'widget']) {
    const dir = join(root, 'apps', app);
    if (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'vite.config.ts'))) continue;
    const built = join(dir, 'dist', 'index.html');
    if (existsSync(built) && statSync(built).mtimeMs >= newest(join(dir, 'src'))) continue;
    process.stdout.write(`Building the ${app} (first start, or its sources changed)…\n`);
    const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: dir, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`Building the ${app} failed; see the output above.`);
  }
}

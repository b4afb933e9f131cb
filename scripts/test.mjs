#!/usr/bin/env node
// `npm test`: dependency rules, types, then every test — on the embedded database, and again on
// PostgreSQL + Redis when LINGXI_TEST_DATABASE_URL / LINGXI_TEST_REDIS_URL are set (CI sets them).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const reports = join(root, '.tmp', 'test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function step(title, command, args, env = {}) {
  process.stdout.write(`\n▶ ${title}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) failures.push(title);
  return result.status === 0;
}

function vitest(title, args, env) {
  const file = join(reports, `${title.replace(/\W+/g, '-')}.json`);
  step(title, 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`, ...args], env);
  if (!existsSync(file)) {
    failures.push(`${title} (no report)`);
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

step('Dependency rules (dependency-cruiser)', 'npx', ['depcruise', 'apps', 'packages', '--config', '.dependency-cruiser.cjs']);
step('Types (server, packages, tests)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
for (const app of ['console', 'widget']) {
  if (existsSync(join(root, 'apps', app, 'tsconfig.json'))) step(`Types (${app})`, 'npx', ['tsc', '-p', `apps/${app}`, '--noEmit']);
}

const hasBrowser = existsSync(process.env.LINGXI_CHROMIUM ?? '/usr/bin/chromium');
const embeddedEnv = { LINGXI_TEST_DATABASE_URL: '', LINGXI_TEST_REDIS_URL: '' };
vitest('Tests on the embedded database (PGlite)', [], embeddedEnv);

if (process.env.LINGXI_TEST_DATABASE_URL) {
  vitest('Server tests on PostgreSQL + Redis (production mode)', ['apps/server'], {});
} else {
  process.stdout.write('\nProduction-mode pass skipped: set LINGXI_TEST_DATABASE_URL (and LINGXI_TEST_REDIS_URL) to run the server tests on PostgreSQL + Redis, as .ci/run does.\n');
}
if (!hasBrowser) {
  process.stdout.write('\nBrowser tests were skipped: /usr/bin/chromium is not installed (apt-get install -y chromium fonts-noto-cjk, as .ci/run does).\n');
}

if (failures.length > 0) process.stdout.write(`\nFailed steps: ${failures.join('; ')}\n`);
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(failures.length > 0 || totals.failed > 0 ? 1 : 0);

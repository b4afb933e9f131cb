import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { productionMode } from '../testing/harness.ts';

const main = fileURLToPath(new URL('../main.ts', import.meta.url));

describe.skipIf(productionMode)('lingxi seed and user commands', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lingxi-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const lingxi = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', main, ...args], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, LINGXI_DATA_DIR: dataDir, LINGXI_SEED_DEMO: 'false', LOG_LEVEL: 'warn' },
    });

  it('seeds once with a printed random password, adds a user, resets a password, and explains bad arguments', () => {
    const seeded = lingxi('seed');
    expect(seeded.status).toBe(0);
    expect(seeded.stdout).toMatch(/Log in as admin@lingxi\.local with password \S{12,}/);
    expect(lingxi('seed').stdout).toContain('already exists');

    const added = lingxi('user', 'add', '--email', 'ann@example.com', '--name', 'Ann', '--role', 'agent', '--password', 'ann-password');
    expect(added.status).toBe(0);
    expect(added.stdout).toContain('Created agent ann@example.com');
    const twice = lingxi('user', 'add', '--email', 'ann@example.com', '--name', 'Ann', '--role', 'agent', '--password', 'ann-password');
    expect(twice.status).toBe(1);
    expect(twice.stderr).toContain('already exists');

    const reset = lingxi('user', 'reset-password', '--email', 'ann@example.com');
    expect(reset.status).toBe(0);
    expect(reset.stdout).toMatch(/Password: \S{12,}/);

    const bad = lingxi('user', 'add', '--email', 'nope', '--role', 'boss', '--password', 'short');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--email: must be an email address/);
    expect(bad.stderr).toMatch(/--role/);
    expect(bad.stderr).toMatch(/--password: must be at least 8 characters/);
  }, 600_000);
});

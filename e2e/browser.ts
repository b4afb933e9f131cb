// Shared by every browser test: Debian's chromium, and building a front end the server serves when it is stale.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.LINGXI_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const root = fileURLToPath(new URL('..', import.meta.url));
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
}

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  if (!statSync(path).isDirectory()) return statSync(path).mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/**
 * The server serves apps/<app>/dist (only the files present when it starts), so build it first when
 * its outputs are missing or older than its sources.
 */
export function ensureBuilt(app: 'console' | 'widget', outputs: string[] = ['index.html']): void {
  const dir = join(root, 'apps', app);
  const built = join(dir, 'dist', 'index.html');
  const sourcesChanged = Math.max(newest(join(dir, 'src')), newest(join(dir, 'index.html')));
  const fresh = outputs.every((file) => existsSync(join(dir, 'dist', file))) && statSync(built).mtimeMs >= sourcesChanged;
  if (fresh) return;
  // A production build, as users get it: under vitest NODE_ENV is 'test', and a test-mode build names every dialog 'test-id'.
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error(`Building the ${app} failed:\n${result.stdout}\n${result.stderr}`);
}

/** /demo embeds the widget from apps/widget/dist, loader.js included. */
export const ensureWidgetBuilt = () => ensureBuilt('widget', ['index.html', 'loader.js']);

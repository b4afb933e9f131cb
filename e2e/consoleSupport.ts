// Shared by the console's browser tests: building the console when stale, launching Debian's chromium, logging in.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.LINGXI_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const root = fileURLToPath(new URL('..', import.meta.url));
const consoleDir = join(root, 'apps', 'console');
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const ADMIN = { email: 'admin@lingxi.local', password: 'admin-password-1' };

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** The server serves apps/console/dist (and only the files present when it starts), so build before starting it. */
export function ensureConsoleBuilt(): void {
  const built = join(consoleDir, 'dist', 'index.html');
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(newest(join(consoleDir, 'src')), statSync(join(consoleDir, 'index.html')).mtimeMs)) return;
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: consoleDir, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`Building the console failed:\n${result.stdout}\n${result.stderr}`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
}

export const LABELS = {
  'zh-CN': { email: '邮箱', password: '密码', login: '登 录', loginTitle: '登录灵犀', users: '成员', audit: '审计日志', inbox: '会话', knowledge: '知识库', addUser: '添加成员', name: '姓名', initialPassword: '初始密码', create: '创 建', logout: '退出登录', userCreated: '添加成员', expired: '登录已过期或在别处结束，请重新登录。', emailTaken: '已被使用' },
  'en-US': { email: 'Email', password: 'Password', login: 'Log in', loginTitle: 'Log in to Lingxi', users: 'Users', audit: 'Audit log', inbox: 'Inbox', knowledge: 'Knowledge', addUser: 'Add user', name: 'Name', initialPassword: 'Initial password', create: 'Create', logout: 'Log out', userCreated: 'User created', expired: 'Your session expired or was ended elsewhere. Please log in again.', emailTaken: 'Already used' },
} as const;
export type Locale = keyof typeof LABELS;

export async function logIn(page: Page, baseUrl: string, locale: Locale, credentials = ADMIN): Promise<void> {
  const text = LABELS[locale];
  await page.goto(`${baseUrl}/`);
  await page.waitForURL('**/console/login**');
  await page.getByLabel(text.email).fill(credentials.email);
  await page.getByLabel(text.password, { exact: true }).fill(credentials.password);
  await page.getByRole('button', { name: text.login }).click();
  await page.waitForURL('**/console/inbox**');
}

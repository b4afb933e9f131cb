// Shared by the console's browser tests: building the console when stale, launching Debian's chromium, logging in.
import type { Page } from 'playwright-core';
import { ensureBuilt } from './browser.ts';

export { CHROMIUM, hasChromium, launchChromium, root } from './browser.ts';

export const ADMIN = { email: 'admin@lingxi.local', password: 'admin-password-1' };

/** The server serves apps/console/dist (and only the files present when it starts), so build before starting it. */
export const ensureConsoleBuilt = () => ensureBuilt('console');

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

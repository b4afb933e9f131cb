import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '@lingxi/contracts';
import type { MessageKey } from './i18n/zh-CN.ts';
import type { ScreenProps } from './paths.ts';

export { HOME, type ScreenProps } from './paths.ts';

// Every screen behind the login, split into its own chunk; the side navigation is built from this list.

export type ConsoleRoute = {
  pattern: string;
  screen: LazyExoticComponent<ComponentType<ScreenProps>>;
  roles: readonly Role[];
  /** Which navigation item lights up. */
  nav: 'inbox' | 'knowledge' | 'users' | 'audit' | 'account' | 'dashboard' | 'reports' | 'supervisor' | 'canned' | 'teams' | 'agents' | 'routing' | 'bot' | 'analyticsSettings' | 'dispositions';
};

const everyone = ['admin', 'supervisor', 'agent'] as const;
const inbox = lazy(() => import('./features/inbox/InboxPage.tsx'));
const knowledge = lazy(() => import('./features/knowledge/KnowledgePage.tsx'));
const knowledgeEditor = lazy(() => import('./features/knowledge/KnowledgeEditorPage.tsx'));
const users = lazy(() => import('./features/settings/UsersPage.tsx'));
const audit = lazy(() => import('./features/settings/AuditPage.tsx'));
const account = lazy(() => import('./features/account/AccountPage.tsx'));
const dashboard = lazy(() => import('./features/dashboard/DashboardPage.tsx'));
const reports = lazy(() => import('./features/reports/ReportsPage.tsx'));
const analysts = ['admin', 'supervisor'] as const;
const supervisor = lazy(() => import('./features/supervisor/SupervisorPage.tsx'));
const canned = lazy(() => import('./features/canned/CannedResponsesPage.tsx'));
const teams = lazy(() => import('./features/settings/TeamsPage.tsx'));
const agents = lazy(() => import('./features/settings/AgentsPage.tsx'));
const routing = lazy(() => import('./features/settings/RoutingPage.tsx'));
const bot = lazy(() => import('./features/settings/BotSettingsPage.tsx'));
const dispositions = lazy(() => import('./features/settings/DispositionsPage.tsx'));
const analyticsSettings = lazy(() => import('./features/settings/AnalyticsSettingsPage.tsx'));

export const consoleRoutes: readonly ConsoleRoute[] = [
  { pattern: '/console/inbox', screen: inbox, roles: everyone, nav: 'inbox' },
  { pattern: '/console/inbox/:id', screen: inbox, roles: everyone, nav: 'inbox' },
  { pattern: '/console/knowledge', screen: knowledge, roles: everyone, nav: 'knowledge' },
  { pattern: '/console/knowledge/new', screen: knowledgeEditor, roles: ['admin', 'supervisor'], nav: 'knowledge' },
  { pattern: '/console/knowledge/:id', screen: knowledgeEditor, roles: everyone, nav: 'knowledge' },
  { pattern: '/console/settings/users', screen: users, roles: ['admin', 'supervisor'], nav: 'users' },
  { pattern: '/console/settings/audit', screen: audit, roles: ['admin'], nav: 'audit' },
  { pattern: '/console/account', screen: account, roles: everyone, nav: 'account' },
  { pattern: '/console/dashboard', screen: dashboard, roles: analysts, nav: 'dashboard' },
  { pattern: '/console/reports', screen: reports, roles: analysts, nav: 'reports' },
  { pattern: '/console/supervisor', screen: supervisor, roles: analysts, nav: 'supervisor' },
  { pattern: '/console/settings/canned', screen: canned, roles: everyone, nav: 'canned' },
  { pattern: '/console/settings/teams', screen: teams, roles: analysts, nav: 'teams' },
  { pattern: '/console/settings/agents', screen: agents, roles: analysts, nav: 'agents' },
  { pattern: '/console/settings/routing', screen: routing, roles: analysts, nav: 'routing' },
  { pattern: '/console/settings/bot', screen: bot, roles: analysts, nav: 'bot' },
  { pattern: '/console/settings/dispositions', screen: dispositions, roles: analysts, nav: 'dispositions' },
  { pattern: '/console/settings/analytics', screen: analyticsSettings, roles: analysts, nav: 'analyticsSettings' },
];

export type NavItem = { key: ConsoleRoute['nav']; to: string; label: MessageKey; group?: 'settings'; roles: readonly Role[] };
export const navItems: readonly NavItem[] = [
  { key: 'inbox', to: '/console/inbox', label: 'nav.inbox', roles: everyone },
  { key: 'knowledge', to: '/console/knowledge', label: 'nav.knowledge', roles: everyone },
  { key: 'dashboard', to: '/console/dashboard', label: 'nav.dashboard', roles: analysts },
  { key: 'reports', to: '/console/reports', label: 'nav.reports', roles: analysts },
  { key: 'supervisor', to: '/console/supervisor', label: 'nav.supervisor', roles: analysts },
  { key: 'users', to: '/console/settings/users', label: 'nav.users', group: 'settings', roles: ['admin', 'supervisor'] },
  { key: 'agents', to: '/console/settings/agents', label: 'nav.agents', group: 'settings', roles: analysts },
  { key: 'teams', to: '/console/settings/teams', label: 'nav.teams', group: 'settings', roles: analysts },
  { key: 'routing', to: '/console/settings/routing', label: 'nav.routing', group: 'settings', roles: analysts },
  { key: 'bot', to: '/console/settings/bot', label: 'nav.bot', group: 'settings', roles: analysts },
  { key: 'dispositions', to: '/console/settings/dispositions', label: 'nav.dispositions', group: 'settings', roles: analysts },
  { key: 'analyticsSettings', to: '/console/settings/analytics', label: 'nav.analyticsSettings', group: 'settings', roles: analysts },
  { key: 'canned', to: '/console/settings/canned', label: 'nav.canned', group: 'settings', roles: everyone },
  { key: 'audit', to: '/console/settings/audit', label: 'nav.audit', group: 'settings', roles: ['admin'] },
];


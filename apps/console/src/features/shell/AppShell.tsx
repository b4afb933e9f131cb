import { useState, type ReactNode } from 'react';
import { Avatar, Badge, Dropdown, Layout, Menu, Segmented, Space, Tooltip, Typography } from 'antd';
import { AlertOutlined, ApartmentOutlined, BarChartOutlined, BookOutlined, ClockCircleOutlined, DashboardOutlined, EyeOutlined, FlagOutlined, IdcardOutlined, LogoutOutlined, MessageOutlined, QuestionCircleOutlined, RobotOutlined, SafetyCertificateOutlined, TeamOutlined, ThunderboltOutlined, UserOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ApiError } from '../../lib/api/client.ts';
import type { Locale } from '../../i18n/translate.ts';
import { RealtimeProvider, useRealtime } from '../../lib/realtime.tsx';
import { useRouter } from '../../lib/router.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import { navItems, type ConsoleRoute } from '../../routes.ts';
import { BrandMark } from '../../ui/BrandMark.tsx';
import { useShortcuts } from '../../ui/keyboard.ts';
import { MentionBell } from '../inbox/MentionBell.tsx';
import { OfferBanner } from './OfferBanner.tsx';
import { RatingNotifier } from './RatingNotifier.tsx';
import { PresenceSwitch } from './PresenceSwitch.tsx';
import { ShortcutHelp } from './ShortcutHelp.tsx';

const icons: Record<string, ReactNode> = {
  inbox: <MessageOutlined />,
  knowledge: <BookOutlined />,
  users: <TeamOutlined />,
  audit: <SafetyCertificateOutlined />,
  dashboard: <DashboardOutlined />,
  reports: <BarChartOutlined />,
  supervisor: <EyeOutlined />,
  agents: <IdcardOutlined />,
  teams: <ApartmentOutlined />,
  routing: <ClockCircleOutlined />,
  bot: <RobotOutlined />,
  dispositions: <FlagOutlined />,
  analyticsSettings: <AlertOutlined />,
  canned: <ThunderboltOutlined />,
};

export function AppShell({ active, children }: { active: ConsoleRoute['nav'] | null; children: ReactNode }) {
  const { session, sessionEnded } = useSignedIn();
  return (
    <RealtimeProvider token={session.token} onSessionOver={(code, message) => sessionEnded(new ApiError(401, code, message, '', [], null))}>
      <Shell active={active}>{children}</Shell>
    </RealtimeProvider>
  );
}

function Shell({ active, children }: { active: ConsoleRoute['nav'] | null; children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const { session, signOut } = useSignedIn();
  const { navigate } = useRouter();
  const { connected } = useRealtime();
  const [collapsed, setCollapsed] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  useShortcuts({ '?': () => setHelpOpen(true) });

  const role = session.user.role;
  const visible = navItems.filter((item) => item.roles.includes(role));
  const main = visible.filter((item) => !item.group);
  const settings = visible.filter((item) => item.group === 'settings');
  const toItem = (item: (typeof navItems)[number]) => ({
    key: item.key,
    icon: icons[item.key],
    label: (
      <a href={item.to} onClick={(e) => { if (!e.ctrlKey && !e.metaKey && e.button === 0) { e.preventDefault(); navigate(item.to); } }}>
        {t(item.label)}
      </a>
    ),
  });
  const menuItems = [
    ...main.map(toItem),
    ...(settings.length > 0 ? [{ type: 'group' as const, key: 'settings', label: t('nav.settings'), children: settings.map(toItem) }] : []),
  ];
  const initials = (session.user.name || session.user.email).slice(0, 1).toUpperCase();

  return (
    <Layout className="lx-shell">
      <Layout.Sider theme="light" width={208} collapsible collapsed={collapsed} onCollapse={setCollapsed} className="lx-sider" breakpoint="lg">
        <div className="lx-brand">
          <BrandMark />
          {!collapsed ? <span className="lx-brand-name">{t('app.name')}</span> : null}
        </div>
        <nav aria-label={t('nav.main')}>
          <Menu mode="inline" selectedKeys={active ? [active] : []} items={menuItems} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="lx-header">
          <div />
          <Space size={12} align="center">
            <Tooltip title={connected ? t('header.live') : t('header.offline')}>
              <Badge status={connected ? 'success' : 'default'} aria-label={connected ? t('header.live') : t('header.offline')} />
            </Tooltip>
            <PresenceSwitch />
            <MentionBell />
            <Segmented<Locale>
              size="small"
              aria-label={t('header.language')}
              value={locale}
              onChange={setLocale}
              options={[
                { label: '中文', value: 'zh-CN' },
                { label: 'EN', value: 'en-US' },
              ]}
            />
            <Tooltip title={t('header.shortcuts')}>
              <button type="button" className="lx-icon-button" aria-label={t('header.shortcuts')} onClick={() => setHelpOpen(true)}>
                <QuestionCircleOutlined />
              </button>
            </Tooltip>
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'account', icon: <UserOutlined />, label: t('header.account'), onClick: () => navigate('/console/account') },
                  { type: 'divider' },
                  { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), onClick: () => void signOut(), danger: true },
                ],
              }}
            >
              <button type="button" className="lx-user-button" aria-label={t('header.userMenu')} data-testid="user-menu">
                <Avatar size={28} style={{ background: '#e6f0ff', color: '#1668dc' }}>{initials}</Avatar>
                <span className="lx-user-name">
                  <Typography.Text strong>{session.user.name}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`role.${role}`)}</Typography.Text>
                </span>
              </button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content className="lx-content">{children}</Layout.Content>
      </Layout>
      <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
      <OfferBanner />
      <RatingNotifier />
    </Layout>
  );
}

import { lazy, Suspense, useEffect } from 'react';
import { Button, Result } from 'antd';
import { useI18n } from './i18n/I18nProvider.tsx';
import { matchPath, useRouter } from './lib/router.tsx';
import { useSession } from './lib/session.tsx';
import { consoleRoutes, HOME } from './routes.ts';
import { LoginPage } from './features/auth/LoginPage.tsx';
import { Loading } from './ui/StateViews.tsx';

// The shell (navigation, presence, realtime) loads while the login page is shown, not before it.
const AppShell = lazy(() => import('./features/shell/AppShell.tsx').then((m) => ({ default: m.AppShell })));

export function App() {
  const { path, search, navigate } = useRouter();
  const { session } = useSession();
  const { t } = useI18n();

  // Logged out anywhere → the login page, remembering where to come back to.
  useEffect(() => {
    if (!session && path !== '/console/login') navigate(`/console/login?next=${encodeURIComponent(path + (search.toString() ? `?${search}` : ''))}`, { replace: true });
    if (session && (path === '/' || path === '/console' || path === '/console/' || path === '/console/login')) {
      const next = search.get('next');
      navigate(next && next.startsWith('/console/') && !next.startsWith('/console/login') ? next : HOME, { replace: true });
    }
  }, [session, path, search, navigate]);

  // Fetch the shell in the background while the user types their password.
  useEffect(() => {
    if (!session) void import('./features/shell/AppShell.tsx');
  }, [session]);

  if (!session) return path === '/console/login' ? <LoginPage /> : null;

  let found: { route: (typeof consoleRoutes)[number]; params: Record<string, string> } | null = null;
  for (const route of consoleRoutes) {
    const params = matchPath(route.pattern, path);
    if (params) {
      found = { route, params };
      break;
    }
  }
  const allowed = found && found.route.roles.includes(session.user.role);
  const Screen = found?.route.screen;
  return (
    <Suspense fallback={<Loading minHeight={480} />}>
      <AppShell active={found?.route.nav ?? null}>
        {Screen && allowed && found ? (
          <Suspense fallback={<Loading minHeight={320} />}>
            <Screen params={found.params} />
          </Suspense>
        ) : path.startsWith('/console/') && path !== '/console/login' ? (
          <Result status="404" title={t('common.notFoundTitle')} subTitle={t('common.notFoundBody')} extra={<Button type="primary" onClick={() => navigate(HOME)}>{t('common.backHome')}</Button>} />
        ) : (
          <Loading minHeight={320} />
        )}
      </AppShell>
    </Suspense>
  );
}

/** @jsxImportSource preact */
import { render } from 'preact';
import './frame.css';
import { createPublicApi } from './api.ts';
import { xhrUploader } from './attachments.ts';
import { App } from './App.tsx';
import { createHostBridge, parseHostOrigin } from './bridge.ts';
import { createChat } from './chat.ts';
import { isLocale, pickLocale, type Locale } from './i18n.ts';
import { socketLive } from './live.ts';
import { read, safeStorage, write } from './storage.ts';

const LOCALE_KEY = 'lingxi:locale';

function boot(): void {
  const params = new URLSearchParams(location.search);
  const workspace = (params.get('workspace') ?? 'demo').replace(/[^a-z0-9-]/g, '') || 'demo';
  const storage = safeStorage();
  const stored = read(storage, LOCALE_KEY);
  const requested = params.get('locale');
  const locale: Locale = isLocale(stored) ? stored : isLocale(requested) ? requested : pickLocale(navigator.languages?.length ? navigator.languages : [navigator.language]);
  const bridge = createHostBridge(window, parseHostOrigin(params.get('origin'), document.referrer));
  const chat = createChat({
    api: createPublicApi({ baseUrl: location.origin, fetch: window.fetch.bind(window) }),
    storage,
    connectLive: socketLive(location.origin),
    workspace,
    locale,
    now: () => new Date(),
    newId: () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`),
    isOnline: () => navigator.onLine,
    upload: xhrUploader(location.origin),
    objectUrl: (blob) => URL.createObjectURL(blob),
    later: (ms, run) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    },
  });
  // The loader creates the frame on first open, so it starts visible; later the loader reports open/closed.
  bridge.listen((message) => chat.setVisible(message.open));
  window.addEventListener('online', () => chat.networkChanged(true));
  window.addEventListener('offline', () => chat.networkChanged(false));
  const onLocale = (next: Locale) => {
    write(storage, LOCALE_KEY, next);
    chat.setLocale(next);
  };
  render(<App chat={chat} bridge={bridge} onLocale={onLocale} />, document.getElementById('app')!);
  void chat.start();
}

boot();

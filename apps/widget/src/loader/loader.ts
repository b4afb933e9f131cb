// The one-line embed: <script src="https://HOST/widget/loader.js" data-workspace="demo" async></script>
// Adds a launcher button; the chat frame is created on first open. No framework: it must stay tiny.
import { readFrameMessage, type HostToFrame } from './protocol.ts';

type LauncherText = { open: string; close: string; title: string; unread: (n: number) => string };

const TEXT: Record<'zh' | 'en', LauncherText> = {
  zh: { open: '打开在线客服', close: '关闭在线客服', title: '在线客服', unread: (n) => `${n} 条未读消息` },
  en: { open: 'Open chat with support', close: 'Close chat', title: 'Customer support chat', unread: (n) => `${n} unread` },
};

const CHAT_ICON = '<svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false"><path fill="currentColor" d="M12 3C6.5 3 2 6.9 2 11.7c0 2.6 1.3 4.9 3.4 6.5L4.6 22l4.2-2.3c1 .3 2.1.4 3.2.4 5.5 0 10-3.9 10-8.7S17.5 3 12 3Zm-4.5 10a1.3 1.3 0 1 1 0-2.6 1.3 1.3 0 0 1 0 2.6Zm4.5 0a1.3 1.3 0 1 1 0-2.6 1.3 1.3 0 0 1 0 2.6Zm4.5 0a1.3 1.3 0 1 1 0-2.6 1.3 1.3 0 0 1 0 2.6Z"/></svg>';
const CLOSE_ICON = '<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"><path fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" d="M6 6l12 12M18 6 6 18"/></svg>';

const STYLE = `
:host{all:initial}
.launcher{position:fixed;bottom:20px;right:20px;z-index:2147483000;width:60px;height:60px;border:0;border-radius:50%;
 background:var(--lx,#4f46e5);color:#fff;cursor:pointer;display:grid;place-items:center;
 box-shadow:0 6px 24px rgba(15,23,42,.25);transition:transform .18s ease,box-shadow .18s ease}
.launcher:hover{transform:scale(1.06)}
.launcher:focus-visible{outline:3px solid #fff;box-shadow:0 0 0 6px var(--lx,#4f46e5)}
.badge{position:absolute;top:-2px;right:-2px;min-width:20px;height:20px;padding:0 5px;box-sizing:border-box;border-radius:10px;
 background:#ef4444;color:#fff;font:600 12px/20px system-ui,sans-serif;text-align:center}
.badge[hidden]{display:none}
.i-open,.i-close{display:grid;place-items:center}.i-close,.is-open .i-open{display:none}.is-open .i-close{display:grid}
.panel{position:fixed;bottom:92px;right:20px;z-index:2147483000;width:380px;height:min(680px,calc(100vh - 112px));
 border-radius:16px;overflow:hidden;background:#fff;box-shadow:0 12px 48px rgba(15,23,42,.28);
 opacity:0;transform:translateY(12px);transition:opacity .18s ease,transform .18s ease;visibility:hidden}
.panel.open{opacity:1;transform:none;visibility:visible}
iframe{border:0;width:100%;height:100%;display:block}
@media (max-width:480px){
 .panel{inset:0;width:100%;height:100%;border-radius:0;bottom:0;right:0}
 .is-open .launcher{display:none}
}
@media (prefers-reduced-motion:reduce){.launcher,.panel{transition:none}}
`;

function boot(current: HTMLScriptElement | null): void {
  const w = window as Window & { LingxiWidget?: unknown };
  if (w.LingxiWidget) return; // the snippet was pasted twice
  const script = current ?? document.querySelector<HTMLScriptElement>('script[src*="/widget/loader.js"]');
  if (!script) return;
  const workspace = script.dataset.workspace || 'demo';
  const lang = (script.dataset.locale || navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';
  const text = TEXT[lang];
  const frameUrl = new URL('frame.html', script.src);
  const frameOrigin = frameUrl.origin;
  frameUrl.searchParams.set('workspace', workspace);
  frameUrl.searchParams.set('origin', location.origin);
  if (script.dataset.locale) frameUrl.searchParams.set('locale', script.dataset.locale);

  const host = document.createElement('div');
  host.id = 'lingxi-widget';
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = `<style>${STYLE}</style><div class="wrap"><div class="panel" role="dialog" aria-label="${text.title}" id="lingxi-panel"></div><button class="launcher" type="button" aria-haspopup="dialog" aria-controls="lingxi-panel" aria-expanded="false" aria-label="${text.open}"><span class="i-open">${CHAT_ICON}</span><span class="i-close">${CLOSE_ICON}</span><span class="badge" hidden></span></button></div>`;
  const wrap = root.querySelector<HTMLElement>('.wrap')!;
  const panel = root.querySelector<HTMLElement>('.panel')!;
  const launcher = root.querySelector<HTMLButtonElement>('.launcher')!;
  const badge = root.querySelector<HTMLElement>('.badge')!;
  if (script.dataset.color && /^#[0-9a-f]{3,8}$/i.test(script.dataset.color)) host.style.setProperty('--lx', script.dataset.color);

  const phone = window.matchMedia('(max-width: 480px)');
  const pageOverflow = document.documentElement.style.overflow;
  let frame: HTMLIFrameElement | null = null;
  let ready = false;
  let open = false;

  const tell = (message: HostToFrame) => {
    if (frame?.contentWindow && ready) frame.contentWindow.postMessage(message, frameOrigin);
  };
  const setOpen = (next: boolean) => {
    open = next;
    if (open && !frame) {
      frame = document.createElement('iframe');
      frame.src = frameUrl.toString();
      frame.title = text.title;
      frame.allow = 'clipboard-write';
      panel.appendChild(frame);
    }
    panel.classList.toggle('open', open);
    // Full-screen on a phone: the page behind must not scroll under the customer's thumb.
    if (phone.matches || !open) document.documentElement.style.overflow = open ? 'hidden' : pageOverflow;
    wrap.classList.toggle('is-open', open);
    launcher.setAttribute('aria-expanded', String(open));
    launcher.setAttribute('aria-label', open ? text.close : text.open);
    if (open) {
      setUnread(0);
      frame?.focus();
    } else {
      launcher.focus();
    }
    tell({ source: 'lingxi', type: 'visibility', open });
  };
  const setUnread = (count: number) => {
    badge.hidden = count === 0 || open;
    badge.textContent = count > 99 ? '99+' : String(count);
    launcher.setAttribute('aria-label', count && !open ? `${text.open} (${text.unread(count)})` : open ? text.close : text.open);
  };

  launcher.addEventListener('click', () => setOpen(!open));
  window.addEventListener('message', (event) => {
    const message = readFrameMessage(event, { origin: frameOrigin, window: frame?.contentWindow });
    if (!message) return;
    if (message.type === 'ready') {
      ready = true;
      if (message.primaryColor) host.style.setProperty('--lx', message.primaryColor);
      tell({ source: 'lingxi', type: 'visibility', open });
    } else if (message.type === 'close') {
      setOpen(false);
    } else if (message.type === 'unread') {
      setUnread(message.count);
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && open) setOpen(false);
  });
  (document.body ?? document.documentElement).appendChild(host);
  w.LingxiWidget = { open: () => setOpen(true), close: () => setOpen(false), toggle: () => setOpen(!open) };
}

// currentScript exists only while this script runs, so it is read before waiting for the body.
const current = document.currentScript as HTMLScriptElement | null;
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => boot(current), { once: true });
else boot(current);

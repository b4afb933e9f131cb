/** @jsxImportSource preact */
// Inline icons: controls must not depend on the visitor having an emoji font.

const base = { viewBox: '0 0 24 24', width: 16, height: 16, 'aria-hidden': 'true', focusable: 'false' } as const;

export function ThumbUp() {
  return <svg {...base}><path fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round" d="M7 11v9H4v-9h3Zm0 0 4-7c1.4 0 2.3 1.1 2 2.5L12.5 10H18a2 2 0 0 1 2 2.3l-1.1 6A2 2 0 0 1 16.9 20H7" /></svg>;
}

export function ThumbDown() {
  return <svg {...base} style={{ transform: 'rotate(180deg)' }}><path fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round" d="M7 11v9H4v-9h3Zm0 0 4-7c1.4 0 2.3 1.1 2 2.5L12.5 10H18a2 2 0 0 1 2 2.3l-1.1 6A2 2 0 0 1 16.9 20H7" /></svg>;
}

export function Headset() {
  return <svg {...base}><path fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" d="M4 14v-2a8 8 0 0 1 16 0v2M4 14h3v5H5a1 1 0 0 1-1-1v-4Zm16 0h-3v5h2a1 1 0 0 0 1-1v-4Zm-3 5c0 1.5-2 2-5 2" /></svg>;
}

export function Check() {
  return <svg {...base}><path fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" d="m5 12.5 4.5 4.5L19 7.5" /></svg>;
}

export function Paperclip() {
  return <svg {...base} width={20} height={20}><path fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" d="m20 11.5-7.8 7.8a5 5 0 0 1-7.1-7.1l8.2-8.2a3.4 3.4 0 0 1 4.8 4.8l-8.1 8.1a1.7 1.7 0 0 1-2.4-2.4l7.4-7.4" /></svg>;
}

export function FileIcon() {
  return <svg {...base} width={18} height={18}><path fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round" d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8l-5-5Zm0 0v5h5" /></svg>;
}

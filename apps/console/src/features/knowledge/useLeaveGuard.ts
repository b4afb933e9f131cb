import { useCallback, useEffect, useRef } from 'react';
import { App } from 'antd';
import { useRouter } from '../../lib/router.tsx';
import { useEditorTexts } from './editorTexts.ts';

/**
 * Unsaved changes are not lost silently: closing or reloading the tab asks the browser's question, and a
 * click on any in-console link (the sidebar included) asks ours first. `leave(action)` asks the same for a page's own buttons.
 */
export function useLeaveGuard(dirty: boolean): { leave(action: () => void): void } {
  const { modal } = App.useApp();
  const { navigate } = useRouter();
  const { t } = useEditorTexts();
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  const leave = useCallback(
    (action: () => void) => {
      if (!dirtyRef.current) return action();
      modal.confirm({ title: t('leave.title'), content: t('leave.body'), okText: t('leave.ok'), cancelText: t('leave.stay'), okButtonProps: { danger: true }, autoFocusButton: 'cancel', onOk: action });
    },
    [modal, t],
  );

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    // Capture on window runs before React's own handlers, so the link's navigate() never starts.
    const onClick = (event: MouseEvent) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.('a[href]');
      const href = link?.getAttribute('href');
      if (!href || !href.startsWith('/') || link?.getAttribute('target') === '_blank' || link?.hasAttribute('download')) return;
      if (href === window.location.pathname + window.location.search) return;
      event.preventDefault();
      event.stopPropagation();
      leave(() => navigate(href));
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('click', onClick, true);
    };
  }, [dirty, leave, navigate]);

  return { leave };
}

import { useCallback, useEffect, useRef, useState } from 'react';

export type Resource<T> = { data: T | null; error: unknown; loading: boolean; reload(): void; setData(update: (previous: T | null) => T | null): void };

/**
 * Loads something when its inputs change and keeps the last good data while reloading, so a
 * live refresh never blanks the screen. Stale answers of superseded loads are dropped.
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, inputs: readonly unknown[]): Resource<T> {
  const [data, setDataState] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    loadRef.current(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setDataState(value);
        setError(null);
        setLoading(false);
      },
      (cause: unknown) => {
        if (controller.signal.aborted) return;
        setError(cause);
        setLoading(false);
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...inputs, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const setData = useCallback((update: (previous: T | null) => T | null) => setDataState(update), []);
  return { data, error, loading, reload, setData };
}

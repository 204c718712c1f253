import { useEffect, useState } from 'react';

/**
 * False until the browser first has nothing else to do (or `timeoutMs` has passed), then true: for work that should
 * not compete with showing the page — fetching what a later click needs, or a badge's count.
 */
export function useBrowserIdle(timeoutMs: number): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (idle) return;
    if ('requestIdleCallback' in window) {
      const handle = window.requestIdleCallback(() => setIdle(true), { timeout: timeoutMs });
      return () => window.cancelIdleCallback(handle);
    }
    const timer = setTimeout(() => setIdle(true), timeoutMs / 2);
    return () => clearTimeout(timer);
  }, [idle, timeoutMs]);
  return idle;
}

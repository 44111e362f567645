/** The page's visibility and focus events; the browser's `document` and `window` fit. */
export interface VisibilityEnv {
  document: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
  window: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

/**
 * Calls `tick` every `intervalMs` while the page is visible, and at once when the page
 * becomes visible again or regains focus. A hidden tab costs the service nothing.
 * Returns a function that stops everything.
 */
export function pollWhileVisible(tick: () => void, intervalMs: number, env: VisibilityEnv = { document, window }): () => void {
  let timer: ReturnType<typeof setInterval> | undefined;
  const start = () => {
    if (timer === undefined && env.document.visibilityState === 'visible') timer = setInterval(tick, intervalMs);
  };
  const stop = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };
  const onVisibility = () => {
    if (env.document.visibilityState !== 'visible') return stop();
    tick();
    start();
  };
  const onFocus = () => tick();

  start();
  env.document.addEventListener('visibilitychange', onVisibility);
  env.window.addEventListener('focus', onFocus);
  return () => {
    stop();
    env.document.removeEventListener('visibilitychange', onVisibility);
    env.window.removeEventListener('focus', onFocus);
  };
}

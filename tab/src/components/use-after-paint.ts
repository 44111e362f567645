import { useEffect, useState } from 'react';

/** A page the browser does not paint (a hidden window) gets no animation frames: its parts come after this instead. */
const UNPAINTED_FALLBACK_MS = 250;

/**
 * False on the first render, true once the browser has painted what that render put on screen.
 * A part below the fold waits for it before it loads its code and data, so the first view is
 * painted before any of that work begins: a frame's callback runs just before the paint, and a
 * task queued from it runs just after.
 */
export function useAfterPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (painted) return;
    let task: ReturnType<typeof setTimeout> | undefined;
    const done = () => setPainted(true);
    const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => (task = setTimeout(done, 0))) : undefined;
    const fallback = setTimeout(done, UNPAINTED_FALLBACK_MS);
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      clearTimeout(task);
      clearTimeout(fallback);
    };
  }, [painted]);
  return painted;
}

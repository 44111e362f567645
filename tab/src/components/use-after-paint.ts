import { useEffect, useState } from 'react';

/**
 * False on the first render, true once the browser has painted what that render put on screen.
 * A part below the fold waits for it before it loads its code and data, so the first view is
 * painted before any of that work begins: a frame's callback runs just before the paint, and a
 * task queued from it runs just after. A page the browser does not paint (a hidden window, which
 * gets no frames) goes on at once.
 */
export function useAfterPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (painted) return;
    let task: ReturnType<typeof setTimeout> | undefined;
    const done = () => setPainted(true);
    const painting = typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible';
    const frame = painting ? requestAnimationFrame(() => (task = setTimeout(done, 0))) : undefined;
    if (!painting) task = setTimeout(done, 0);
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      clearTimeout(task);
    };
  }, [painted]);
  return painted;
}

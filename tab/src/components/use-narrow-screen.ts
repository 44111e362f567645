import { useSyncExternalStore } from 'react';

/** A phone held upright (Teams mobile shows tabs full width): wide tables give way to lists here. */
const NARROW = '(max-width: 640px)';

const query = () => (typeof window.matchMedia === 'function' ? window.matchMedia(NARROW) : undefined);

function subscribe(onChange: () => void): () => void {
  const list = query();
  list?.addEventListener('change', onChange);
  return () => list?.removeEventListener('change', onChange);
}

/** Whether the tab is as narrow as a phone; follows rotation and resizing. False where the browser cannot tell (jsdom). */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(subscribe, () => query()?.matches ?? false);
}

import { useEffect } from 'react';

/**
 * "Discuss at our 1:1" on an entry and the list it adds to sit apart on the page: the button says
 * the list changed, the list reads itself again. Keyed by the pair's path.
 */
const changes = new EventTarget();

export function oneToOneChanged(path: string): void {
  changes.dispatchEvent(new CustomEvent('changed', { detail: path }));
}

export function useOneToOneChanges(path: string | undefined, reload: () => void): void {
  useEffect(() => {
    if (!path) return;
    const listener = (event: Event) => {
      if ((event as CustomEvent<string>).detail === path) reload();
    };
    changes.addEventListener('changed', listener);
    return () => changes.removeEventListener('changed', listener);
  }, [path, reload]);
}

import { useState } from 'react';

/**
 * A part of the page (a form, a dialog) loaded on first use and kept for the next: `open` loads it
 * if need be and then calls `show`; a failed load leaves `problem` to show, with the button still
 * there to try again. Keeps such parts out of a page's first view.
 */
export function useLazyPart<T>(load: () => Promise<T>, loaded: T | undefined, failure: string) {
  const [Part, setPart] = useState(() => loaded);
  const [opening, setOpening] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();

  const open = async (show: () => void) => {
    if (opening) return;
    setProblem(undefined);
    setOpening(true);
    try {
      const part = await load();
      setPart(() => part);
      show();
    } catch {
      setProblem(failure);
    } finally {
      setOpening(false);
    }
  };

  return { Part, opening, problem, open };
}

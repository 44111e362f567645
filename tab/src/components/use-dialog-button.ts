import { useEffect, useRef, useState } from 'react';

/** A button that opens a dialog: whether the dialog is open, and focus back on the button once it closes. */
export function useDialogButton() {
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [closings, setClosings] = useState(0);

  useEffect(() => {
    if (closings > 0) button.current?.focus();
  }, [closings]);

  return {
    button,
    open,
    show: () => setOpen(true),
    close: () => {
      setOpen(false);
      setClosings((n) => n + 1);
    },
  };
}

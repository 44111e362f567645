import { makeStyles, tokens } from '@fluentui/react-components';
import { useLayoutEffect, useRef, type ReactNode } from 'react';

const useStyles = makeStyles({
  dialog: {
    boxSizing: 'border-box',
    width: 'min(600px, calc(100vw - 32px))',
    maxHeight: 'calc(100vh - 48px)',
    overflowY: 'auto',
    padding: tokens.spacingHorizontalXXL,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow64,
    // Forced-colours modes drop shadows: a border keeps the dialog apart from the page there.
    border: `${tokens.strokeWidthThin} solid transparent`,
    '::backdrop': { backgroundColor: tokens.colorBackgroundOverlay },
  },
});

interface Props {
  /** The id of the dialog's title, which names it. */
  labelledBy: string;
  /** The browser closed it (Escape): the owner unmounts it. */
  onDismiss: () => void;
  children: ReactNode;
  testId?: string;
}

/**
 * A modal dialog on the browser's own `<dialog>`, open while mounted: the browser keeps focus
 * inside, hides the page from screen readers and closes on Escape. For parts of the team page
 * loaded on demand: Fluent's Dialog lives in the personal page's first view, and a chunk the team
 * page also loads must not use it, or it is split out of that first view (see share-sections.ts).
 * The owner returns focus to whatever opened it.
 */
export function ModalDialog({ labelledBy, onDismiss, children, testId }: Props) {
  const styles = useStyles();
  const ref = useRef<HTMLDialogElement>(null);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    // Browsers without showModal (and jsdom) still show it, though not modal.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      className={styles.dialog}
      data-testid={testId}
      // Escape closes it (the browser's own 'cancel'); the owner then unmounts it.
      onClose={onDismiss}
    >
      {children}
    </dialog>
  );
}

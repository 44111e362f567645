import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Entry } from '../api/types.js';
import { Problem } from '../components/Problem.js';
import { useVisuallyHidden } from '../components/visually-hidden.js';
import { failureMessage } from '../i18n/failure.js';
import { useT } from '../i18n/i18n-context.js';

interface Props {
  entry: Entry;
  /** Deletes the entry at the service; throws what went wrong. */
  remove: () => Promise<void>;
  onRemoved: (entry: Entry) => void;
}

/** The Delete button of one entry, and the question it asks first: a deleted entry cannot come back. */
export function DeleteEntryDialog({ entry, remove, onRemoved }: Props) {
  const hidden = useVisuallyHidden();
  const i18n = useT();
  const { t } = i18n;
  const quoted = t('common.quoted', { text: entry.what });
  const [open, setOpen] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  const confirm = async () => {
    if (deleting) return;
    setDeleting(true);
    setProblem(undefined);
    try {
      await remove();
      setOpen(false);
      onRemoved(entry);
    } catch (error) {
      setProblem(failureMessage(i18n, t('entry.deleteFailed', { what: quoted }), error));
    } finally {
      setDeleting(false);
    }
  };

  return (
    <Dialog
      modalType="alert"
      open={open}
      onOpenChange={(_, data) => {
        setOpen(data.open);
        if (data.open) setProblem(undefined);
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button>
          {t('entry.delete')}
          <span className={hidden.root}> {quoted}</span>
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('entry.deleteTitle')}</DialogTitle>
          <DialogContent>
            <Text as="p">{t('entry.deleteWarning', { what: quoted })}</Text>
            {problem && <Problem message={t('entry.stillInLog', { problem: problem.replace(/\.$/, '') })} onRetry={() => void confirm()} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabledFocusable={deleting} onClick={() => void confirm()}>
              {deleting ? t('entry.deleting') : t('entry.delete')}
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button>{t('common.cancel')}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

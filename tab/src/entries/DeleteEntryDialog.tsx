import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { describeFailure } from '../api/api-client.js';
import type { Entry } from '../api/types.js';
import { Problem } from '../components/Problem.js';
import { useVisuallyHidden } from '../components/visually-hidden.js';

interface Props {
  entry: Entry;
  /** Deletes the entry at the service; throws what went wrong. */
  remove: () => Promise<void>;
  onRemoved: (entry: Entry) => void;
}

/** The Delete button of one entry, and the question it asks first: a deleted entry cannot come back. */
export function DeleteEntryDialog({ entry, remove, onRemoved }: Props) {
  const hidden = useVisuallyHidden();
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
      setProblem(describeFailure(`delete ‘${entry.what}’`, error));
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
          Delete<span className={hidden.root}> ‘{entry.what}’</span>
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Delete this entry?</DialogTitle>
          <DialogContent>
            <Text as="p">
              ‘{entry.what}’ will be removed from your learning log, with its notes. This can’t be undone.
            </Text>
            {problem && <Problem message={`${problem.replace(/\.$/, '')}. The entry is still in your log.`} onRetry={() => void confirm()} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabledFocusable={deleting} onClick={() => void confirm()}>
              {deleting ? 'Deleting…' : 'Delete'}
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button>Cancel</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

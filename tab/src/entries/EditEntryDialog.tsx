import { Button, Dialog, DialogSurface, DialogTrigger } from '@fluentui/react-components';
import { useState } from 'react';
import type { EntryEdit } from '../../../bot/contract/api.js';
import type { Entry } from '../api/types.js';
import { Problem } from '../components/Problem.js';
import { useVisuallyHidden } from '../components/visually-hidden.js';
import type { EditEntryForm as EditEntryFormType } from './EditEntryForm.js';
import { useLazyPart } from '../components/use-lazy-part.js';
import { useT } from '../i18n/i18n-context.js';

interface Props {
  entry: Entry;
  /** Sends the changed fields; resolves with the entry as stored, or throws what went wrong. */
  save: (edit: EntryEdit) => Promise<Entry>;
  onSaved: (entry: Entry) => void;
}

/**
 * The form's fields and rules load on the first Edit, keeping them out of the page's first view.
 * The dialog opens once they are here, so it never shows a half-built form.
 */
let loadedForm: typeof EditEntryFormType | undefined;
const loadForm = async () => (loadedForm ??= (await import('./EditEntryForm.js')).EditEntryForm);

/** The Edit button of one entry and the form it opens. Fluent returns focus to the button on close. */
export function EditEntryDialog({ entry, save, onSaved }: Props) {
  const hidden = useVisuallyHidden();
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const { Part: Form, opening, problem, open: load } = useLazyPart(loadForm, loadedForm, t('entry.openFormFailed'));
  const openForm = () => load(() => setOpen(true));

  return (
    <>
      <Dialog open={open} onOpenChange={(_, data) => (data.open ? void openForm() : setOpen(false))}>
        <DialogTrigger disableButtonEnhancement>
          <Button disabledFocusable={opening}>
            {t('entry.edit')}
            <span className={hidden.root}> {t('common.quoted', { text: entry.what })}</span>
          </Button>
        </DialogTrigger>
        <DialogSurface>
          {Form && (
            <Form
              entry={entry}
              save={save}
              onDone={(saved) => {
                setOpen(false);
                if (saved) onSaved(saved);
              }}
            />
          )}
        </DialogSurface>
      </Dialog>
      {problem && <Problem message={problem} onRetry={() => void openForm()} />}
    </>
  );
}

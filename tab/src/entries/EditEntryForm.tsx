import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { EntryEdit } from '../../../bot/contract/api.js';
import { ApiFailure } from '../api/api-client.js';
import { fieldProblemsOf } from '../api/error-details.js';
import { failureMessage } from '../i18n/failure.js';
import { useT } from '../i18n/i18n-context.js';
import type { Entry } from '../api/types.js';
import { Problem } from '../components/Problem.js';
import {
  changesFrom,
  checkEntryForm,
  fieldErrorsFrom,
  formFromEntry,
  otherProblemsFrom,
  type EntryFormErrors,
  type EntryFormField,
} from './entry-form.js';
import { EntryFormFields } from './EntryFormFields.js';

const useStyles = makeStyles({
  content: { display: 'grid', gap: tokens.spacingVerticalM },
});

export interface EditEntryFormProps {
  entry: Entry;
  /** Sends the changed fields; resolves with the entry as stored, or throws what went wrong. */
  save: (edit: EntryEdit) => Promise<Entry>;
  /** Called with the stored entry after a save, or with nothing when there was nothing to save. */
  onDone: (saved: Entry | undefined) => void;
}

/** The edit form, loaded when a learner first opens it rather than with the page. */
export function EditEntryForm({ entry, save, onDone }: EditEntryFormProps) {
  const styles = useStyles();
  const i18n = useT();
  const { t } = i18n;
  // The entry as it was when the form opened: a refresh meanwhile must neither reset what the
  // learner typed nor count as a change of theirs.
  const [original] = useState(entry);
  const [values, setValues] = useState(() => formFromEntry(entry));
  const [errors, setErrors] = useState<EntryFormErrors>({});
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [rejections, setRejections] = useState(0);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    // After a rejected save, take the learner to the first field that needs them.
    if (rejections === 0) return;
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    const target = invalid?.matches('input, textarea, button')
      ? invalid
      : invalid?.querySelector<HTMLElement>('input:checked, input, textarea, button');
    target?.focus();
  }, [rejections]);

  const change = (field: EntryFormField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
  };

  const reject = (fieldErrors: EntryFormErrors) => {
    setErrors(fieldErrors);
    setRejections((n) => n + 1);
  };

  const submit = async () => {
    if (saving) return;
    setProblem(undefined);
    const check = checkEntryForm(values, i18n);
    if (!check.ok) return reject(check.errors);
    setErrors({});
    const edit = changesFrom(original, check.fields);
    if (Object.keys(edit).length === 0) return onDone(undefined);
    setSaving(true);
    try {
      const saved = await save(edit);
      onDone(saved);
    } catch (error) {
      setSaving(false);
      const rejected = error instanceof ApiFailure && error.status === 400;
      const fieldErrors = rejected ? fieldErrorsFrom(fieldProblemsOf(error)) : {};
      const others = rejected ? otherProblemsFrom(fieldProblemsOf(error)) : [];
      if (Object.keys(fieldErrors).length > 0) reject(fieldErrors);
      if (others.length > 0 || Object.keys(fieldErrors).length === 0) {
        setProblem([failureMessage(i18n, t('entryForm.saveFailed'), error), ...others].join('. '));
      }
    }
  };

  return (
    <form
      ref={form}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <DialogBody>
        <DialogTitle>{t('entryForm.title')}</DialogTitle>
        <DialogContent className={styles.content}>
          {problem && <Problem message={problem} onRetry={() => void submit()} />}
          <EntryFormFields values={values} errors={errors} onChange={change} />
        </DialogContent>
        <DialogActions>
          <Button type="submit" appearance="primary" disabledFocusable={saving}>
            {saving ? t('entryForm.saving') : t('common.save')}
          </Button>
          <DialogTrigger disableButtonEnhancement>
            <Button>{t('common.cancel')}</Button>
          </DialogTrigger>
        </DialogActions>
      </DialogBody>
    </form>
  );
}

import { Field, Input, Text } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { ERASE_CONFIRMATION, isEraseConfirmation } from '../../../bot/domain/my-data.js';
import type { ApiClient } from '../api/api-client.js';
import { FormDialog, useDialogSubmit } from '../components/FormDialog.js';
import { MY_DATA_PATH } from './my-data-paths.js';

interface Props {
  client: ApiClient;
  /** True once everything was erased; false when the learner cancelled. */
  onClose: (erased: boolean) => void;
}

/**
 * Erasing everything, confirmed by typing the phrase (the service checks it too): a click alone is
 * too easy for what cannot be undone. Open while mounted, on the browser's own dialog.
 */
export function EraseMyDataDialog({ client, onClose }: Props) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const field = useRef<HTMLInputElement>(null);
  const submit = useDialogSubmit();

  const erase = () => {
    if (submit.sending) return;
    if (!isEraseConfirmation(typed)) {
      setError(`Type “${ERASE_CONFIRMATION}” to confirm. Nothing has been erased.`);
      field.current?.focus();
      return;
    }
    setError(undefined);
    void submit.run(async () => {
      await client.remove(MY_DATA_PATH, { confirm: typed });
      onClose(true);
    }, 'erase your data');
  };

  return (
    <FormDialog
      testId="erase-my-data-dialog"
      refusalTestId="erase-my-data-refusal"
      title="Erase all your data?"
      intro={
        <>
          <Text as="p">
            This deletes everything Learning Loop holds of yours: your learning log, check-ins, goals, saved list, nudges, coaching notes and settings.
            Your shares are removed from your teams’ channels and your marks on others’ shares are taken back.
          </Text>
          <Text as="p" weight="semibold">
            This cannot be undone. Download your data first if you want a copy.
          </Text>
        </>
      }
      submit={submit}
      submitLabel="Erase my data"
      sendingLabel="Erasing…"
      onSubmit={erase}
      onCancel={() => onClose(false)}
    >
      <Field label={`Type “${ERASE_CONFIRMATION}” to confirm`} required validationState={error ? 'error' : 'none'} validationMessage={error}>
        <Input ref={field} value={typed} autoComplete="off" spellCheck={false} onChange={(_, data) => setTyped(data.value)} />
      </Field>
    </FormDialog>
  );
}

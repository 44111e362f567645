import { Field, Input, Text } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { ERASE_CONFIRMATION, isEraseConfirmation } from '../../../bot/contract/my-data.js';
import type { ApiClient } from '../api/api-client.js';
import { FormDialog, useDialogSubmit } from '../components/FormDialog.js';
import { MY_DATA_PATH } from './my-data-paths.js';
import { useT } from '../i18n/i18n-context.js';

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
  const { t } = useT();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const field = useRef<HTMLInputElement>(null);
  const submit = useDialogSubmit();

  const erase = () => {
    if (submit.sending) return;
    if (!isEraseConfirmation(typed)) {
      setError(t('erase.confirmMissing', { phrase: ERASE_CONFIRMATION }));
      field.current?.focus();
      return;
    }
    setError(undefined);
    void submit.run(async () => {
      await client.remove(MY_DATA_PATH, { confirm: typed });
      onClose(true);
    }, t('erase.failed'));
  };

  return (
    <FormDialog
      testId="erase-my-data-dialog"
      refusalTestId="erase-my-data-refusal"
      title={t('erase.title')}
      intro={
        <>
          <Text as="p">{t('erase.what')}</Text>
          <Text as="p" weight="semibold">
            {t('erase.final')}
          </Text>
        </>
      }
      submit={submit}
      submitLabel={t('erase.submit')}
      sendingLabel={t('erase.sending')}
      onSubmit={erase}
      onCancel={() => onClose(false)}
    >
      <Field
        label={t('erase.confirmLabel', { phrase: ERASE_CONFIRMATION })}
        required
        validationState={error ? 'error' : 'none'}
        validationMessage={error}
      >
        <Input ref={field} value={typed} autoComplete="off" spellCheck={false} onChange={(_, data) => setTyped(data.value)} />
      </Field>
    </FormDialog>
  );
}

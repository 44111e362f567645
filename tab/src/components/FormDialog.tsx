import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState, type ReactNode, type RefObject } from 'react';
import { ApiFailure } from '../api/api-client.js';
import { failureMessage } from '../i18n/failure.js';
import { useT } from '../i18n/i18n-context.js';
import { ModalDialog } from './ModalDialog.js';
import { Problem } from './Problem.js';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalL },
  content: { display: 'grid', gap: tokens.spacingVerticalM, '& > p': { margin: 0 } },
  title: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', justifyContent: 'end', gap: tokens.spacingHorizontalS },
});

export interface DialogSubmit {
  sending: boolean;
  /** The service refused (a 4xx it explains): said in its own words, nothing to retry. */
  refusal: string | undefined;
  /** Anything else that failed: said with what failed, and tried again on Retry. */
  problem: string | undefined;
  /**
   * Sends once at a time. `onRejected` may take a failure as its own (a field's problem, say) by
   * returning true; otherwise a 4xx is a refusal and the rest a problem under `headline`
   * ("Couldn't erase your data", in the tab's language).
   */
  run(work: () => Promise<void>, headline: string, onRejected?: (error: ApiFailure) => boolean): Promise<void>;
}

/** The state of a dialog's one submission, with the service's answers sorted the same way in every dialog. */
export function useDialogSubmit(): DialogSubmit {
  const i18n = useT();
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const run: DialogSubmit['run'] = async (work, headline, onRejected) => {
    if (sending) return;
    setRefusal(undefined);
    setProblem(undefined);
    setSending(true);
    try {
      // The work closes the dialog on success, so nothing is set after it.
      await work();
    } catch (error) {
      setSending(false);
      if (error instanceof ApiFailure && onRejected?.(error)) return;
      if (error instanceof ApiFailure && error.status >= 400 && error.status < 500) setRefusal(error.message);
      else setProblem(failureMessage(i18n, headline, error));
    }
  };
  return { sending, refusal, problem, run };
}

interface Props {
  testId: string;
  refusalTestId: string;
  title: ReactNode;
  /** What happens when it is sent, said before the fields. */
  intro: ReactNode;
  submit: DialogSubmit;
  submitLabel: string;
  sendingLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  formRef?: RefObject<HTMLFormElement | null>;
  /** The fields, after the intro and any refusal or problem. */
  children?: ReactNode;
}

/**
 * A dialog that sends one thing: a title, what it will do, the service's refusal or a problem
 * with Retry, the fields, then Send and Cancel. On the browser's own dialog (ModalDialog), which
 * keeps Fluent's Dialog out of the pages' first views.
 */
export function FormDialog({
  testId,
  refusalTestId,
  title,
  intro,
  submit,
  submitLabel,
  sendingLabel,
  onSubmit,
  onCancel,
  formRef,
  children,
}: Props) {
  const styles = useStyles();
  const titleId = useId();
  const { t } = useT();
  return (
    <ModalDialog labelledBy={titleId} onDismiss={onCancel} testId={testId}>
      <form
        ref={formRef}
        className={styles.form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <Text as="h2" id={titleId} size={500} weight="semibold" className={styles.title}>
          {title}
        </Text>
        <div className={styles.content}>
          {intro}
          {submit.refusal && (
            <MessageBar intent="error" layout="multiline" data-testid={refusalTestId}>
              <MessageBarBody>{submit.refusal}</MessageBarBody>
            </MessageBar>
          )}
          {submit.problem && <Problem message={submit.problem} onRetry={onSubmit} />}
          {children}
        </div>
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabledFocusable={submit.sending}>
            {submit.sending ? sendingLabel : submitLabel}
          </Button>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
        </div>
      </form>
    </ModalDialog>
  );
}

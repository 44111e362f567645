import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useT } from '../i18n/i18n-context.js';

/** A failed request, said in words, with a way to try it again. */
export function Problem({
  message,
  onRetry,
  intent = 'error',
}: {
  message: string | undefined;
  onRetry: () => void;
  intent?: 'error' | 'warning';
}) {
  const { t } = useT();
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>{message}</MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>{t('common.retry')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

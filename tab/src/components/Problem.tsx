import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';

/** A failed request, said in words, with a way to try it again. */
export function Problem({ message, onRetry, intent = 'error' }: { message: string | undefined; onRetry: () => void; intent?: 'error' | 'warning' }) {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>{message}</MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>Retry</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

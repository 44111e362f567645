import { Text, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  block: { display: 'grid', gap: tokens.spacingVerticalXS },
  text: { margin: 0 },
});

/**
 * A list's live status line (what the last action did) and its count, in one block, so the status
 * line takes no room of its own while it has nothing to say.
 */
export function ListStatus({ announcement, count, testId }: { announcement: string; count: string | undefined; testId: string }) {
  const styles = useStyles();
  return (
    <div className={styles.block}>
      <Text as="p" role="status" className={styles.text} data-testid={testId}>
        {announcement}
      </Text>
      {count && (
        <Text as="p" className={styles.text}>
          {count}
        </Text>
      )}
    </div>
  );
}

import { Badge, Body1, Caption1, Card, CardHeader, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Entry } from '../api/types.js';
import { SOURCE_LABELS, formatDate, formatMinutes, safeHref } from '../format.js';

const useStyles = makeStyles({
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  notes: { display: 'grid', gap: tokens.spacingVerticalXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
  link: { overflowWrap: 'anywhere' },
});

export function EntryCard({ entry, locale }: { entry: Entry; locale: string }) {
  const styles = useStyles();
  const href = safeHref(entry.link);
  return (
    <Card data-testid="entry" role="listitem">
      <CardHeader
        header={
          <Text as="h2" weight="semibold" size={400}>
            {entry.what}
          </Text>
        }
        description={<Caption1>{formatDate(entry.createdAt, locale)}</Caption1>}
      />
      <div className={styles.meta}>
        <Badge appearance="tint" color="brand">
          {SOURCE_LABELS[entry.sourceType] ?? entry.sourceType}
        </Badge>
        {entry.minutes !== null && <Body1>{formatMinutes(entry.minutes, locale)}</Body1>}
        {entry.rating !== null && <Body1>Useful: {entry.rating}/5</Body1>}
      </div>
      {(entry.insight || entry.action || entry.link) && (
        <dl className={styles.notes}>
          {entry.insight && (
            <div>
              <dt className={styles.term}>Key insight</dt>
              <dd className={styles.detail}>{entry.insight}</dd>
            </div>
          )}
          {entry.action && (
            <div>
              <dt className={styles.term}>Action</dt>
              <dd className={styles.detail}>{entry.action}</dd>
            </div>
          )}
          {entry.link && (
            <div>
              <dt className={styles.term}>Link</dt>
              <dd className={styles.detail}>
                {href ? (
                  <Link className={styles.link} href={href} target="_blank" rel="noopener noreferrer">
                    {entry.link}
                  </Link>
                ) : (
                  <span className={styles.link}>{entry.link}</span>
                )}
              </dd>
            </div>
          )}
        </dl>
      )}
    </Card>
  );
}

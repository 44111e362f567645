import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { ApiClient } from '../api/api-client.js';
import type { Entry } from '../api/types.js';
import { DiscussButton } from '../one-to-one/DiscussButton.js';
import { CoachEntryButton } from './CoachEntryButton.js';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  status: { margin: 0, flexBasis: '100%' },
});

interface Props {
  client: ApiClient;
  teamId: string;
  member: { userId: string; displayName: string };
  entry: Entry;
  /** More of the lead's actions on the entry, in the same row (asking the member to share it). */
  children?: ReactNode;
}

/** What a lead can do with one entry of a member's log: coach on it, or put it (or its result) on their 1:1 list. */
export function LeadEntryActions({ client, teamId, member, entry, children }: Props) {
  const styles = useStyles();
  const [said, setSaid] = useState('');
  const target = { client, teamId, member, announce: setSaid };
  return (
    <div className={styles.row}>
      <CoachEntryButton {...target} entry={entry} />
      <DiscussButton {...target} subject={{ entryId: entry.id }} what={entry.what} />
      {entry.result && <DiscussButton {...target} subject={{ resultOf: entry.id }} what={entry.what} />}
      {children}
      {/* Said beside the entry it is about, and read out; the page's status line stays the one status role. */}
      <Text as="p" aria-live="polite" aria-atomic="true" className={styles.status} data-testid="lead-entry-status">
        {said}
      </Text>
    </div>
  );
}

import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { useVisuallyHidden } from '../components/visually-hidden.js';
import { failureMessage } from '../i18n/failure.js';
import { useT } from '../i18n/i18n-context.js';
import { oneToOneChanged } from './one-to-one-changes.js';
import { MY_ONE_TO_ONES_PATH, pairItemsPath } from './one-to-one-paths.js';
import type { MyOneToOnesResponse, OneToOneItemResponse, OneToOneListView } from './one-to-one-types.js';

const useStyles = makeStyles({
  group: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  said: { margin: 0, flexBasis: '100%' },
});

interface Props {
  client: ApiClient;
  /** What goes on the list: one of the learner's entries, its result, or a goal. */
  subject: { entryId: string } | { resultOf: string } | { goalId: string };
  /** Its title, for the buttons' accessible names and what is said once it is on a list. */
  what: string;
}

/**
 * "Discuss at our 1:1" on the learner's own entry, result or goal. Their leads are asked for only
 * when it is pressed: with one lead it goes on that list at once; with several, a button per lead.
 */
export function DiscussWithLead({ client, subject, what }: Props) {
  const styles = useStyles();
  const hidden = useVisuallyHidden();
  const i18n = useT();
  const { t } = i18n;
  const [leads, setLeads] = useState<OneToOneListView[] | undefined>(undefined);
  const [sending, setSending] = useState(false);
  const [said, setSaid] = useState('');
  const quoted = t('common.quoted', { text: what });
  const label = 'resultOf' in subject ? t('oneToOne.discussResult') : t('oneToOne.discuss');

  const addTo = async (list: OneToOneListView) => {
    setSending(true);
    try {
      const pair = { teamId: list.teamId, leadId: list.lead.userId, memberId: list.member.userId };
      await client.send<OneToOneItemResponse>('POST', pairItemsPath(pair), subject);
      setLeads(undefined);
      setSaid(t('oneToOne.discussAdded', { what: quoted, name: list.lead.displayName }));
      oneToOneChanged(MY_ONE_TO_ONES_PATH);
    } catch (error) {
      setSaid(failureMessage(i18n, t('oneToOne.discussFailed'), error));
    } finally {
      setSending(false);
    }
  };
  const start = async () => {
    setSending(true);
    setSaid('');
    try {
      const { lists } = await client.get<MyOneToOnesResponse>(MY_ONE_TO_ONES_PATH);
      if (lists.length === 1) return await addTo(lists[0]!);
      if (lists.length === 0) setSaid(t('oneToOne.noLeads'));
      else setLeads(lists);
      setSending(false);
    } catch (error) {
      setSaid(failureMessage(i18n, t('oneToOne.discussFailed'), error));
      setSending(false);
    }
  };

  return (
    <div className={styles.group}>
      {leads ? (
        <div role="group" aria-label={t('oneToOne.chooseLead', { what: quoted })} className={styles.group}>
          {leads.map((list) => (
            <Button key={`${list.teamId} ${list.lead.userId}`} onClick={() => void addTo(list)} disabledFocusable={sending}>
              {t('oneToOne.withLead', { name: list.lead.displayName, team: list.teamName })}
            </Button>
          ))}
          <Button appearance="subtle" onClick={() => setLeads(undefined)}>
            {t('oneToOne.cancel')}
          </Button>
        </div>
      ) : (
        <Button onClick={() => void start()} disabledFocusable={sending} data-testid="discuss-with-lead">
          {label}
          <span className={hidden.root}> {quoted}</span>
        </Button>
      )}
      <Text as="p" aria-live="polite" aria-atomic="true" className={styles.said}>
        {said}
      </Text>
    </div>
  );
}

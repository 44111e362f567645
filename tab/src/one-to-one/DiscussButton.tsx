import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { useVisuallyHidden } from '../components/visually-hidden.js';
import { failureMessage } from '../i18n/failure.js';
import { useT } from '../i18n/i18n-context.js';
import { myUserId } from './my-user-id.js';
import { oneToOneChanged } from './one-to-one-changes.js';
import { pairItemsPath, pairPath } from './one-to-one-paths.js';
import type { OneToOneItemResponse } from './one-to-one-types.js';

interface Props {
  client: ApiClient;
  teamId: string;
  member: { userId: string; displayName: string };
  /** What goes on the list: the entry, or its result. */
  subject: { entryId: string } | { resultOf: string };
  /** The entry's title, for the button's accessible name and the announcement. */
  what: string;
  announce: (message: string) => void;
}

/** "Discuss at our 1:1" on a member's entry (or its result), from their lead's side: it goes on the pair's list. */
export function DiscussButton({ client, teamId, member, subject, what, announce }: Props) {
  const hidden = useVisuallyHidden();
  const i18n = useT();
  const { t } = i18n;
  const [state, setState] = useState<'idle' | 'sending' | 'added'>('idle');
  const isResult = 'resultOf' in subject;
  const quoted = t('common.quoted', { text: what });
  const discuss = async () => {
    if (state !== 'idle') return;
    setState('sending');
    try {
      const pair = { teamId, leadId: await myUserId(client), memberId: member.userId };
      await client.send<OneToOneItemResponse>('POST', pairItemsPath(pair), subject);
      setState('added');
      announce(t('oneToOne.discussAdded', { what: quoted, name: member.displayName }));
      oneToOneChanged(pairPath(pair));
    } catch (error) {
      setState('idle');
      announce(failureMessage(i18n, t('oneToOne.discussFailed'), error));
    }
  };
  return (
    <Button onClick={discuss} disabledFocusable={state !== 'idle'} data-testid={isResult ? 'discuss-result-button' : 'discuss-button'}>
      {state === 'added' ? t('oneToOne.onList') : t(isResult ? 'oneToOne.discussResult' : 'oneToOne.discuss')}
      <span className={hidden.root}> {quoted}</span>
    </Button>
  );
}

import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { ApiFailure, type ApiClient } from '../api/api-client.js';
import type { AskHowItWentResponse, AwaitingActionView, AwaitingActionsResponse } from '../../../bot/contract/follow-through.js';
import { useApiData } from '../api/use-api-data.js';
import { LoadedList } from '../components/LoadedList.js';
import { Problem } from '../components/Problem.js';
import { formatDate } from '../format.js';
import { failureMessage } from '../i18n/failure.js';
import { useT } from '../i18n/i18n-context.js';
import type { SectionHeading } from '../shares/lazy-section.js';
import { ArticleHeader, ShareArticle } from '../shares/ShareArticle.js';
import { askHowItWentPath, awaitingActionsPath } from './follow-through-paths.js';
import { CoachEntryButton } from '../members/CoachEntryButton.js';

const useStyles = makeStyles({
  text: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  // Always rendered, so screen readers are listening before a card goes out.
  status: { margin: 0 },
});

interface Props {
  client: ApiClient;
  teamId: string;
  locale: string;
  heading: SectionHeading;
}

/**
 * The actions the team's members planned that still await a result, oldest first: only entries the
 * leads may see. "Ask how it went" sends the member a card in their personal chat to answer. Leads only.
 */
export function AwaitingActions({ client, teamId, locale, heading }: Props) {
  const styles = useStyles();
  const i18n = useT();
  const { t } = i18n;
  const { data, loading, error, reload } = useApiData<AwaitingActionsResponse>(
    client,
    awaitingActionsPath(teamId),
    t('awaiting.loadFailed'),
  );
  const [announcement, setAnnouncement] = useState('');
  return (
    <>
      <Text as="p" className={styles.text}>
        {t('awaiting.intro')}
      </Text>
      <LoadedList
        items={data?.actions}
        loading={loading}
        error={error}
        onRetry={reload}
        loadingLabel={t('awaiting.loading')}
        empty={t('awaiting.empty')}
        emptyTestId="awaiting-empty"
        labelledBy={heading.id}
        itemTestId="awaiting-item"
        keyOf={(a) => `${a.userId} ${a.entryId}`}
        renderItem={(a) => <AwaitingItem action={a} client={client} teamId={teamId} locale={locale} onAsked={setAnnouncement} />}
      />
      {data?.more && (
        <Text as="p" className={styles.muted}>
          {i18n.plural('awaiting.more', data.actions.length)}
        </Text>
      )}
      <p role="status" className={styles.status}>
        {announcement}
      </p>
    </>
  );
}

function AwaitingItem({
  action,
  client,
  teamId,
  locale,
  onAsked,
}: {
  action: AwaitingActionView;
  client: ApiClient;
  teamId: string;
  locale: string;
  onAsked: (announcement: string) => void;
}) {
  const styles = useStyles();
  const i18n = useT();
  const { t } = i18n;
  const titleId = useId();
  const [state, setState] = useState<{ phase: 'idle' | 'asking' | 'asked' } | { phase: 'failed'; problem: string }>({ phase: 'idle' });
  const ask = async () => {
    setState({ phase: 'asking' });
    try {
      const { delivered } = await client.send<AskHowItWentResponse>('POST', askHowItWentPath(teamId, action.userId, action.entryId), {});
      const said = t(delivered ? 'awaiting.asked' : 'awaiting.notDelivered', { name: action.displayName });
      setState(delivered ? { phase: 'asked' } : { phase: 'failed', problem: said });
      onAsked(said);
    } catch (error) {
      // Asked already today (one ask a day per action): as good as asked, so the button says so.
      if (error instanceof ApiFailure && error.status === 409) {
        setState({ phase: 'asked' });
        onAsked(t('awaiting.askedLately', { name: action.displayName }));
        return;
      }
      setState({ phase: 'failed', problem: failureMessage(i18n, t('awaiting.askFailed', { name: action.displayName }), error) });
    }
  };
  return (
    <ShareArticle labelledBy={titleId}>
      <ArticleHeader
        titleId={titleId}
        title={action.action}
        byline={t('awaiting.byline', { name: action.displayName, what: action.what, date: formatDate(action.createdAt, locale) })}
      />
      <div className={styles.row}>
        <Text className={styles.muted}>
          {action.notYetAt
            ? t('awaiting.notYet', { date: formatDate(action.notYetAt, locale) })
            : t(action.due ? 'awaiting.due' : 'awaiting.notDue')}
        </Text>
        <Button onClick={ask} disabled={state.phase === 'asking' || state.phase === 'asked'} aria-describedby={titleId}>
          {state.phase === 'asked' ? t('awaiting.askedButton') : t('awaiting.ask')}
        </Button>
        <CoachEntryButton
          client={client}
          teamId={teamId}
          member={{ userId: action.userId, displayName: action.displayName }}
          entry={{ id: action.entryId, what: action.what }}
          announce={onAsked}
        />
      </div>
      {state.phase === 'failed' && <Problem message={state.problem} onRetry={ask} intent="error" />}
    </ShareArticle>
  );
}

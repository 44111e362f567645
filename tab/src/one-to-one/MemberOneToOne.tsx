import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useId, useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { useApiData } from '../api/use-api-data.js';
import { Problem } from '../components/Problem.js';
import { useT } from '../i18n/i18n-context.js';
import { OneToOneList } from './OneToOneList.js';
import { useOneToOneChanges } from './one-to-one-changes.js';
import type { OneToOneListResponse } from './one-to-one-types.js';
import { failureMessage } from '../i18n/failure.js';
import { myUserId } from './my-user-id.js';
import { pairPath } from './one-to-one-paths.js';

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  text: { margin: 0 },
});

interface Props {
  client: ApiClient;
  locale: string;
  teamId: string;
  memberId: string;
}

/** The lead's side, on a member's entries page: the lead's own 1:1 list with that member. */
export function MemberOneToOne({ client, locale, teamId, memberId }: Props) {
  const i18n = useT();
  const { t } = i18n;
  const [me, setMe] = useState<{ userId?: string; error?: string }>({});
  const ask = useCallback(() => {
    setMe({});
    myUserId(client).then(
      (userId) => setMe({ userId }),
      (error: unknown) => setMe({ error: failureMessage(i18n, t('oneToOne.loadFailed'), error) }),
    );
  }, [client, i18n, t]);
  useEffect(ask, [ask]);
  const headingId = useId();
  const styles = useStyles();
  return (
    <section aria-labelledby={headingId} className={styles.section} data-testid="member-one-to-one">
      <Text as="h2" id={headingId} size={500} weight="semibold" className={styles.heading}>
        {t('oneToOne.memberTitle')}
      </Text>
      {me.error && <Problem message={me.error} onRetry={ask} />}
      {!me.userId && !me.error && <Spinner size="small" label={t('oneToOne.loading')} />}
      {me.userId && <PairList client={client} locale={locale} path={pairPath({ teamId, leadId: me.userId, memberId })} />}
    </section>
  );
}

function PairList({ client, locale, path }: { client: ApiClient; locale: string; path: string }) {
  const { t } = useT();
  const styles = useStyles();
  const { data, loading, error, reload } = useApiData<OneToOneListResponse>(client, path, t('oneToOne.loadFailed'));
  // "Discuss at our 1:1" on an entry above adds to this list.
  useOneToOneChanges(path, reload);
  return (
    <>
      {data && (
        <Text as="p" className={styles.text}>
          {t('oneToOne.memberIntro', { name: data.list.member.displayName })}
        </Text>
      )}
      {error && <Problem message={error} onRetry={reload} intent={data ? 'warning' : 'error'} />}
      {!data && loading && <Spinner size="small" label={t('oneToOne.loading')} />}
      {data && <OneToOneList client={client} locale={locale} list={data.list} viewer="lead" onChanged={reload} />}
    </>
  );
}

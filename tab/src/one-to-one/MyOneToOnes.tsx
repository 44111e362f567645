import { Text, makeStyles } from '@fluentui/react-components';
import type { ApiClient } from '../api/api-client.js';
import { useApiData } from '../api/use-api-data.js';
import { LoadedList } from '../components/LoadedList.js';
import { useT } from '../i18n/i18n-context.js';
import type { SectionHeading } from '../shares/lazy-section.js';
import { OneToOneList } from './OneToOneList.js';
import { useOneToOneChanges } from './one-to-one-changes.js';
import type { MyOneToOnesResponse } from './one-to-one-types.js';
import { MY_ONE_TO_ONES_PATH } from './one-to-one-paths.js';

const useStyles = makeStyles({ text: { margin: 0 } });

interface Props {
  client: ApiClient;
  locale: string;
  heading: SectionHeading;
}

/** The learner's side: a 1:1 list with each lead of each of their teams; only they and that lead see it. */
export function MyOneToOnes({ client, locale, heading }: Props) {
  const styles = useStyles();
  const { t } = useT();
  const { data, loading, error, reload } = useApiData<MyOneToOnesResponse>(client, MY_ONE_TO_ONES_PATH, t('oneToOne.loadFailed'));
  // "Discuss at our 1:1" on an entry or goal above adds to one of these lists.
  useOneToOneChanges(MY_ONE_TO_ONES_PATH, reload);
  return (
    <>
      <Text as="p" className={styles.text}>
        {t('oneToOne.intro')}
      </Text>
      <LoadedList
        items={data?.lists}
        loading={loading}
        error={error}
        onRetry={reload}
        loadingLabel={t('oneToOne.loading')}
        empty={t('oneToOne.noLeads')}
        emptyTestId="one-to-ones-empty"
        labelledBy={heading.id}
        itemTestId="one-to-one"
        keyOf={(list) => `${list.teamId} ${list.lead.userId}`}
        renderItem={(list) => <OneToOneList client={client} locale={locale} list={list} viewer="member" onChanged={reload} />}
      />
    </>
  );
}

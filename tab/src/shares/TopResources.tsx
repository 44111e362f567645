import { Badge, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { DEFAULT_RESOURCE_SCOPE, RESOURCE_SCOPE_CHOICES, type ResourceScope, type ResourceView } from '../api/share-types.js';
import { TOP_RATED_MIN_RATINGS } from '../../../bot/contract/share-view.js';
import { Problem } from '../components/Problem.js';
import { formatDate, sourceLabel } from '../format.js';
import { ChoiceGroup } from './ChoiceGroup.js';
import type { SectionHeading } from './lazy-section.js';
import { ExternalLink } from './ShareArticle.js';
import { resourceRatingText, savedByText, shareHref } from './share-format.js';
import { useTopResources } from './use-top-resources.js';
import { useT } from '../i18n/i18n-context.js';

const useStyles = makeStyles({
  text: { margin: 0 },
  ranking: { margin: 0, color: tokens.colorNeutralForeground2 },
  panel: {
    display: 'grid',
    gap: tokens.spacingVerticalL,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 360px), 1fr))',
    alignItems: 'start',
  },
  list: { display: 'grid', gap: tokens.spacingVerticalS, alignContent: 'start', '& > h3, & > p': { margin: 0 } },
  items: { display: 'grid', gap: tokens.spacingVerticalS, listStyleType: 'none', margin: 0, padding: 0 },
  item: { display: 'grid', gridTemplateColumns: '2.5em 1fr', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  rank: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums', textAlign: 'end' },
  body: { display: 'grid', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  title: { overflowWrap: 'anywhere' },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

interface Props {
  client: ApiClient;
  teamId: string;
  locale: string;
  heading: SectionHeading;
}

/** The resources people rated best and saved most, in this team or across the organisation. */
export function TopResources({ client, teamId, locale }: Props) {
  const styles = useStyles();
  const i18n = useT();
  const { t, plural } = i18n;
  const [scope, setScope] = useState<ResourceScope>(DEFAULT_RESOURCE_SCOPE);
  const { data, loading, error, reload } = useTopResources(client, teamId, scope);
  // The last answer stays on screen, marked busy, while the other scope loads; after a failure only the failure is shown.
  const shown = error && data?.scope !== scope ? undefined : data;

  return (
    <>
      {shown && (
        <Text as="p" className={styles.ranking} data-testid="resources-ranking">
          {`${plural('topResources.explain', TOP_RATED_MIN_RATINGS)} ${t('topResources.explainWhy')}`}
        </Text>
      )}
      <ChoiceGroup<ResourceScope> label={t('topResources.ranking')} choices={RESOURCE_SCOPE_CHOICES} value={scope} onChange={setScope} />
      {loading && !shown && <Spinner label={t('topResources.loading')} />}
      {error && <Problem message={error} onRetry={reload} intent={shown ? 'warning' : 'error'} />}
      {/* The organisation's lists are ranked in the background: say how fresh they are, or that they are on their way. */}
      {shown?.asOf && (
        <Text as="p" className={styles.ranking} data-testid="resources-as-of">
          {t('topResources.asOf', { time: formatDate(shown.asOf, locale) })}
        </Text>
      )}
      {shown?.preparing && (
        <Text as="p" className={styles.text} data-testid="resources-preparing">
          {t('topResources.preparing')}
        </Text>
      )}
      {shown && !shown.preparing && (
        <div className={styles.panel} aria-busy={loading}>
          <ResourceList
            title={t('topResources.topRated')}
            resources={shown.topRated}
            empty={t('topResources.noRated')}
            testId="top-rated-item"
            describe={(r) => resourceRatingText(r.averageRating, r.ratingCount, locale, i18n)}
          />
          <ResourceList
            title={t('topResources.mostSaved')}
            resources={shown.mostSaved}
            empty={t('topResources.noSaved')}
            testId="most-saved-item"
            describe={(r) => savedByText(r.saves, locale, i18n)}
          />
        </div>
      )}
      {loading && shown && <Spinner size="tiny" label={t('common.loading')} />}
    </>
  );
}

interface ListProps {
  title: string;
  resources: ResourceView[];
  empty: string;
  testId: string;
  /** The figure the list is ranked by, in words. */
  describe: (resource: ResourceView) => string;
}

function ResourceList({ title, resources, empty, testId, describe }: ListProps) {
  const styles = useStyles();
  const i18n = useT();
  const headingId = useId();
  return (
    <div className={styles.list}>
      <Text as="h3" id={headingId} size={400} weight="semibold">
        {title}
      </Text>
      {resources.length === 0 ? (
        <Text as="p">{empty}</Text>
      ) : (
        <ol className={styles.items} aria-labelledby={headingId}>
          {resources.map((resource, index) => (
            <li key={resource.resourceKey} className={styles.item} data-testid={testId}>
              <span className={styles.rank}>{`${index + 1}.`}</span>
              <span className={styles.body}>
                <ResourceTitle resource={resource} />
                <span className={styles.meta}>
                  <Badge appearance="tint" color="brand" size="small">
                    {sourceLabel(resource.sourceType, i18n)}
                  </Badge>
                  <Text size={200}>{describe(resource)}</Text>
                </span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function ResourceTitle({ resource }: { resource: ResourceView }) {
  const styles = useStyles();
  const href = shareHref(resource.link);
  if (!href) return <Text className={styles.title}>{resource.title}</Text>;
  return (
    <ExternalLink href={href} className={styles.title}>
      {resource.title}
    </ExternalLink>
  );
}

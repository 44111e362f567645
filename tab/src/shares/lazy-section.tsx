import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, useId, useRef, type ComponentType, type RefObject } from 'react';
import { ChunkBoundary, useRetryableLazy } from '../components/ChunkBoundary.js';
import { useAfterPaint } from '../components/use-after-paint.js';
import type { MessageKey } from '../i18n/catalog.js';
import { useT } from '../i18n/i18n-context.js';

/** The section's heading, for a part that must move focus to it (its button gone with its item, say). */
export interface SectionHeading {
  id: string;
  ref: RefObject<HTMLHeadingElement | null>;
}

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalM, '& > h2': { margin: 0 } },
});

interface LazySectionOptions<P extends object> {
  load: () => Promise<{ default: ComponentType<P & { heading: SectionHeading }> }>;
  title: MessageKey;
  testId: string;
  loadingLabel: MessageKey;
  failure: MessageKey;
  /**
   * Below a page's first view (the team dashboard's member table): the body, its code and its
   * data, is asked for only once that view is painted, so it never holds up what the page shows first.
   */
  afterFirstPaint?: boolean;
}

/**
 * A section of a page whose body is its own chunk, loaded once the page is up: the heading is
 * there at once (the page's outline does not jump), the body's code stays out of the first view.
 */
export function lazySection<P extends object>({ load, title, testId, loadingLabel, failure, afterFirstPaint }: LazySectionOptions<P>) {
  return function LazySection(props: P) {
    const styles = useStyles();
    const { t } = useT();
    const id = useId();
    const ref = useRef<HTMLHeadingElement>(null);
    const { attempt, Lazy, retry } = useRetryableLazy(load);
    const painted = useAfterPaint() || !afterFirstPaint;
    const body = { ...props, heading: { id, ref } };
    const loading = <Spinner size="small" label={t(loadingLabel)} />;
    return (
      <section aria-labelledby={id} className={styles.section} data-testid={testId}>
        <Text as="h2" id={id} ref={ref} tabIndex={-1} size={500} weight="semibold">
          {t(title)}
        </Text>
        <ChunkBoundary key={attempt} onRetry={retry} message={t(failure)}>
          <Suspense fallback={loading}>{painted ? <Lazy {...body} /> : loading}</Suspense>
        </ChunkBoundary>
      </section>
    );
  };
}

import type { ComponentProps } from 'react';
import { lazySection } from '../shares/lazy-section.js';
import type { AwaitingActions } from './AwaitingActions.js';

/** The team's actions awaiting a result, for its leads only; the body loads with the sections' chunk (see share-sections.ts). */
export const LazyAwaitingActions = lazySection<Omit<ComponentProps<typeof AwaitingActions>, 'heading'>>({
  load: () => import('../shares/share-sections.js').then((m) => ({ default: m.AwaitingActions })),
  title: 'awaiting.title',
  testId: 'awaiting-actions',
  loadingLabel: 'awaiting.loading',
  failure: 'awaiting.sectionFailed',
  afterFirstPaint: true,
});

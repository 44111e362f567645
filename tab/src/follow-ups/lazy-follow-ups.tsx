import type { ComponentProps } from 'react';
import { lazySection } from '../shares/lazy-section.js';
import type { FollowUps } from './FollowUps.js';

/**
 * A team's nudges, for its leads only: the service refuses them to anyone else, so the page renders
 * this for leads alone. The body loads on demand with the shares' (see share-sections.ts).
 */
export const LazyFollowUps = lazySection<Omit<ComponentProps<typeof FollowUps>, 'heading'>>({
  load: () => import('../shares/share-sections.js').then((m) => ({ default: m.FollowUps })),
  title: 'followUps.title',
  testId: 'follow-ups',
  loadingLabel: 'followUps.loading',
  failure: 'followUps.sectionFailed',
  afterFirstPaint: true,
});

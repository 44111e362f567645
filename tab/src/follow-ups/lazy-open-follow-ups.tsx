import type { ComponentProps } from 'react';
import { lazySection } from '../shares/lazy-section.js';
import type { OpenFollowUps } from './OpenFollowUps.js';

/** The team's follow-ups to close, for its leads only; the body loads with the sections' chunk (see share-sections.ts). */
export const LazyOpenFollowUps = lazySection<Omit<ComponentProps<typeof OpenFollowUps>, 'heading'>>({
  load: () => import('../shares/share-sections.js').then((m) => ({ default: m.OpenFollowUps })),
  title: 'followUpItems.title',
  testId: 'open-follow-ups',
  loadingLabel: 'followUpItems.loading',
  failure: 'followUpItems.sectionFailed',
  afterFirstPaint: true,
});

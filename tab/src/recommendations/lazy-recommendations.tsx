import type { ComponentProps } from 'react';
import { lazySection } from '../shares/lazy-section.js';
import type { MyRecommendations } from './MyRecommendations.js';
import type { TeamRecommendations } from './TeamRecommendations.js';

// The bodies load on demand with the shares' (see share-sections.ts): a page's first view carries only the heading and the loader.

/** What a team's leads recommended, and how many did each; for leads only (the service refuses the list to anyone else). */
export const LazyTeamRecommendations = lazySection<Omit<ComponentProps<typeof TeamRecommendations>, 'heading'>>({
  load: () => import('../shares/share-sections.js').then((m) => ({ default: m.TeamRecommendations })),
  title: 'teamRecs.title',
  testId: 'team-recommendations',
  loadingLabel: 'teamRecs.loading',
  failure: 'teamRecs.sectionFailed',
  afterFirstPaint: true,
});

/** What the learner's leads recommended to them, on their personal page. */
export const LazyMyRecommendations = lazySection<Omit<ComponentProps<typeof MyRecommendations>, 'heading'>>({
  load: () => import('../shares/share-sections.js').then((m) => ({ default: m.MyRecommendations })),
  title: 'myRecs.title',
  testId: 'my-recommendations',
  loadingLabel: 'myRecs.loading',
  failure: 'myRecs.sectionFailed',
});

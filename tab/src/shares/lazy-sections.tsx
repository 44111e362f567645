import type { ComponentProps } from 'react';
import { lazySection } from './lazy-section.js';
import type { SavedList } from './SavedList.js';
import type { SharesFeed } from './SharesFeed.js';
import type { TopResources } from './TopResources.js';

// The bodies load on demand, together (see share-sections.ts): a page's first view carries only these headings and loaders.
export const LazySharesFeed = lazySection<Omit<ComponentProps<typeof SharesFeed>, 'heading'>>({
  load: () => import('./share-sections.js').then((m) => ({ default: m.SharesFeed })),
  title: 'shares.title',
  testId: 'shares-feed',
  loadingLabel: 'shares.loading',
  failure: 'shares.sectionFailed',
  afterFirstPaint: true,
});

export const LazyTopResources = lazySection<Omit<ComponentProps<typeof TopResources>, 'heading'>>({
  load: () => import('./share-sections.js').then((m) => ({ default: m.TopResources })),
  title: 'topResources.title',
  testId: 'top-resources',
  loadingLabel: 'topResources.loading',
  failure: 'topResources.sectionFailed',
  afterFirstPaint: true,
});

export const LazySavedList = lazySection<Omit<ComponentProps<typeof SavedList>, 'heading'>>({
  load: () => import('./share-sections.js').then((m) => ({ default: m.SavedList })),
  title: 'saved.title',
  testId: 'saved-list',
  loadingLabel: 'saved.loading',
  failure: 'saved.sectionFailed',
});

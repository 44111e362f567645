import type { ComponentProps } from 'react';
import { lazySection } from './lazy-section.js';
import type { SavedList } from './SavedList.js';
import type { SharesFeed } from './SharesFeed.js';
import type { TopResources } from './TopResources.js';

// The bodies load on demand, together (see share-sections.ts): a page's first view carries only these headings and loaders.
export const LazySharesFeed = lazySection<Omit<ComponentProps<typeof SharesFeed>, 'heading'>>({
  load: () => import('./share-sections.js').then((m) => ({ default: m.SharesFeed })),
  title: 'Learning shares',
  testId: 'shares-feed',
  loadingLabel: 'Loading learning shares…',
  failure: 'Couldn’t load the learning shares. Check your connection and try again.',
});

export const LazyTopResources = lazySection<Omit<ComponentProps<typeof TopResources>, 'heading'>>({
  load: () => import('./share-sections.js').then((m) => ({ default: m.TopResources })),
  title: 'Top resources',
  testId: 'top-resources',
  loadingLabel: 'Loading the top resources…',
  failure: 'Couldn’t load the top resources. Check your connection and try again.',
});

export const LazySavedList = lazySection<Omit<ComponentProps<typeof SavedList>, 'heading'>>({
  load: () => import('./share-sections.js').then((m) => ({ default: m.SavedList })),
  title: 'Saved',
  testId: 'saved-list',
  loadingLabel: 'Loading your saved learning…',
  failure: 'Couldn’t load your saved learning. Check your connection and try again.',
});

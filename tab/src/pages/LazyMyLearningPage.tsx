import type { ComponentProps } from 'react';
import { lazyPage } from './LazyPage.js';
import type { MyLearningPage } from './MyLearningPage.js';

export const LazyMyLearningPage = lazyPage<ComponentProps<typeof MyLearningPage>>({
  load: () => import('./MyLearningPage.js').then((m) => ({ default: m.MyLearningPage })),
  title: 'My learning',
  testId: 'my-learning',
  loadingLabel: 'Loading your learning…',
  failure: 'Couldn’t load your learning page. Check your connection and try again.',
});

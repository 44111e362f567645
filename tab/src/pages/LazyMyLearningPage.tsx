import type { ComponentProps } from 'react';
import { lazyPage } from './LazyPage.js';
import type { MyLearningPage } from './MyLearningPage.js';

export const LazyMyLearningPage = lazyPage<ComponentProps<typeof MyLearningPage>>({
  load: () => import('./MyLearningPage.js').then((m) => ({ default: m.MyLearningPage })),
  title: 'page.personal',
  testId: 'my-learning',
  loadingLabel: 'page.personal.loading',
  failure: 'page.personal.failed',
});

import type { ComponentProps } from 'react';
import { lazySection } from '../shares/lazy-section.js';
import type { MyOneToOnes } from './MyOneToOnes.js';

/** The learner's 1:1 lists, on their personal page: the body is its own chunk, loaded once the page is up. */
export const LazyOneToOnes = lazySection<Omit<ComponentProps<typeof MyOneToOnes>, 'heading'>>({
  load: () => import('./MyOneToOnes.js').then((m) => ({ default: m.MyOneToOnes })),
  title: 'oneToOne.title',
  testId: 'my-one-to-ones',
  loadingLabel: 'oneToOne.loading',
  failure: 'oneToOne.sectionFailed',
});

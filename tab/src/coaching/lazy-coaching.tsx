import type { ComponentProps } from 'react';
import { lazySection } from '../shares/lazy-section.js';
import type { MyCoaching } from './MyCoaching.js';

/** The learner's coaching notes, on their personal page. The body loads on demand with the shares' (see share-sections.ts). */
export const LazyCoaching = lazySection<Omit<ComponentProps<typeof MyCoaching>, 'heading'>>({
  load: () => import('../shares/share-sections.js').then((m) => ({ default: m.MyCoaching })),
  title: 'coaching.title',
  testId: 'my-coaching',
  loadingLabel: 'coaching.loading',
  failure: 'coaching.sectionFailed',
});

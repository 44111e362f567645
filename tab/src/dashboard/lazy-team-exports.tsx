import type { ComponentProps } from 'react';
import { lazySection } from '../shares/lazy-section.js';
import type { TeamExports } from './TeamExports.js';

/** A lead's CSV downloads; its own chunk, so the dashboard's first view carries only the heading. */
export const LazyTeamExports = lazySection<Omit<ComponentProps<typeof TeamExports>, 'heading'>>({
  load: () => import('./TeamExports.js').then((m) => ({ default: m.TeamExports })),
  title: 'exports.title',
  testId: 'team-exports',
  loadingLabel: 'common.loading',
  failure: 'section.failed',
  afterFirstPaint: true,
});

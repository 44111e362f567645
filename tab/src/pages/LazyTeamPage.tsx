import type { ComponentProps } from 'react';
import { lazyPage } from './LazyPage.js';
import type { TeamPage } from './TeamPage.js';

export const LazyTeamPage = lazyPage<ComponentProps<typeof TeamPage>>({
  load: () => import('./TeamPage.js').then((m) => ({ default: m.TeamPage })),
  title: 'page.team',
  testId: 'team-dashboard',
  loadingLabel: 'page.team.loading',
  failure: 'page.team.failed',
});

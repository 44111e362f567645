import type { ComponentProps } from 'react';
import { lazyPage } from './LazyPage.js';
import type { TeamPage } from './TeamPage.js';

export const LazyTeamPage = lazyPage<ComponentProps<typeof TeamPage>>({
  load: () => import('./TeamPage.js').then((m) => ({ default: m.TeamPage })),
  title: 'Team dashboard',
  testId: 'team-dashboard',
  loadingLabel: 'Loading the team dashboard…',
  failure: 'Couldn’t load the team dashboard. Check your connection and try again.',
});

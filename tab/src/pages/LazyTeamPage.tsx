import { Spinner } from '@fluentui/react-components';
import { Suspense, type ComponentProps } from 'react';
import { PageLayout } from '../components/PageLayout.js';
import { ChunkBoundary, useRetryableLazy } from '../dashboard/ChunkBoundary.js';
import type { TeamPage } from './TeamPage.js';

// The dashboard's tables, tabs and forms are loaded only by those who open it, not with everyone's own log.
const loadTeamPage = () => import('./TeamPage.js').then((m) => ({ default: m.TeamPage }));

export function LazyTeamPage(props: ComponentProps<typeof TeamPage>) {
  const { attempt, Lazy, retry } = useRetryableLazy(loadTeamPage);
  return (
    <Suspense
      fallback={
        <PageLayout title="Team dashboard" testId="team-dashboard">
          <Spinner label="Loading the team dashboard…" />
        </PageLayout>
      }
    >
      <ChunkBoundary key={attempt} onRetry={retry} message="Couldn’t load the team dashboard. Check your connection and try again.">
        <Lazy {...props} />
      </ChunkBoundary>
    </Suspense>
  );
}

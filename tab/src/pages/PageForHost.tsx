import type { ApiClient } from '../api/api-client.js';
import type { TabPage } from '../routes.js';
import { ConfigurePage } from './ConfigurePage.js';
import { LazyAdminPage } from './LazyAdminPage.js';
import { LazyMyLearningPage } from './LazyMyLearningPage.js';
import { LazyTeamPage } from './LazyTeamPage.js';

export interface PageProps {
  page: TabPage;
  client: ApiClient;
  locale: string;
  pollMs: number;
  inTeams: boolean;
  /** The team the tab was opened for, if the host knows (Teams context, or `?team=` locally). */
  teamId?: string;
  channelId?: string;
}

export function PageForHost({ page, client, locale, pollMs, inTeams, teamId, channelId }: PageProps) {
  if (page === 'configure') return <ConfigurePage inTeams={inTeams} />;
  if (page === 'admin') return <LazyAdminPage client={client} locale={locale} />;
  if (page === 'team') return <LazyTeamPage client={client} locale={locale} teamId={teamId} channelId={channelId} />;
  return <LazyMyLearningPage client={client} locale={locale} pollMs={pollMs} />;
}

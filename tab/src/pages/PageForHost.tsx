import type { ApiClient } from '../api/api-client.js';
import type { TabPage } from '../routes.js';
import { ConfigurePage } from './ConfigurePage.js';
import { MyLearningPage } from './MyLearningPage.js';
import { TeamPage } from './TeamPage.js';

export interface PageProps {
  page: TabPage;
  client: ApiClient;
  locale: string;
  pollMs: number;
  inTeams: boolean;
}

export function PageForHost({ page, client, locale, pollMs, inTeams }: PageProps) {
  if (page === 'configure') return <ConfigurePage inTeams={inTeams} />;
  if (page === 'team') return <TeamPage />;
  return <MyLearningPage client={client} locale={locale} pollMs={pollMs} />;
}

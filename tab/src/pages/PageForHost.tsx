import type { ApiClient } from '../api/api-client.js';
import { ConfigurePage } from './ConfigurePage.js';
import { MyLearningPage } from './MyLearningPage.js';
import { TeamPage } from './TeamPage.js';

export interface PageProps {
  page: 'personal' | 'team' | 'configure';
  client: ApiClient;
  locale: string;
  /** How often the log refreshes while visible; faster locally, where nothing else is listening. */
  pollMs: number;
  inTeams?: boolean;
}

export function PageForHost({ page, client, locale, pollMs, inTeams = false }: PageProps) {
  if (page === 'configure') return <ConfigurePage inTeams={inTeams} />;
  if (page === 'team') return <TeamPage />;
  return <MyLearningPage client={client} locale={locale} pollMs={pollMs} />;
}

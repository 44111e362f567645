import type { ApiClient } from '../api/api-client.js';
import type { MemberRef, TabPage } from '../routes.js';
import { ConfigurePage } from './ConfigurePage.js';
import { LazyAdminPage } from './LazyAdminPage.js';
import { LazyMemberEntriesPage } from './LazyMemberEntriesPage.js';
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
  /** On the member-entries page: whose entries. */
  member?: MemberRef;
}

/** Starts loading a page's code at once, while the host, the language and the identity are still being found. */
export function preloadPage(page: TabPage): void {
  if (page === 'member-entries') LazyMemberEntriesPage.preload();
  else if (page === 'admin') LazyAdminPage.preload();
  else if (page === 'team') LazyTeamPage.preload();
  else if (page === 'personal') LazyMyLearningPage.preload();
}

export function PageForHost({ page, client, locale, pollMs, inTeams, teamId, channelId, member }: PageProps) {
  if (page === 'configure') return <ConfigurePage inTeams={inTeams} />;
  if (page === 'member-entries' && member) return <LazyMemberEntriesPage client={client} locale={locale} member={member} />;
  if (page === 'admin') return <LazyAdminPage client={client} locale={locale} />;
  if (page === 'team') return <LazyTeamPage client={client} locale={locale} teamId={teamId} channelId={channelId} />;
  return <LazyMyLearningPage client={client} locale={locale} pollMs={pollMs} />;
}

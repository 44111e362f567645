/** The personal tab that shows a team's dashboard; the manifest's `staticTabs` declares it. */
export const DASHBOARD_TAB_ENTITY_ID = 'team-dashboard';

/** What the service knows of where its tab lives. */
export interface TabLinkSettings {
  mode: 'local' | 'production';
  port: number;
  teamsAppId: string | undefined;
  tabEndpoint: string | undefined;
}

/**
 * Where a card's "Open the dashboard" goes for a team, or undefined when there is nowhere to go.
 * With the Teams app's id: a deep link to the personal dashboard tab, the team passed as the
 * sub-entity (the tab reads it from its context as `page.subPageId`). Otherwise only in local
 * mode, where the tab works in a browser and names the team with `?team=`. In production a
 * browser outside Teams could not sign in, so there is no link.
 */
export function dashboardUrl(settings: TabLinkSettings, teamId: string): string | undefined {
  if (settings.teamsAppId) {
    const context = encodeURIComponent(JSON.stringify({ subEntityId: teamId }));
    return `https://teams.microsoft.com/l/entity/${encodeURIComponent(settings.teamsAppId)}/${DASHBOARD_TAB_ENTITY_ID}?context=${context}`;
  }
  if (settings.mode !== 'local') return undefined;
  const origin = settings.tabEndpoint ?? `http://localhost:${settings.port}`;
  return `${origin}/team?team=${encodeURIComponent(teamId)}`;
}

import { MY_DATA_SECTION_ID } from '../contract/my-data-section.js';
import type { TabLinkSettings } from './tab-links.js';

/** The personal tab, "My learning", as the manifest's `staticTabs` declares it. */
export const MY_LEARNING_TAB_ENTITY_ID = 'my-learning';

/**
 * Where "export my data" in chat sends the learner: the "Your data" section of their personal
 * page, whose buttons download the files (Teams cannot attach a file to a bot's message without
 * Graph). The same rules as the dashboard's link: a deep link with the app's id, the page itself in
 * local mode, nowhere in production without the id.
 */
export function myDataUrl(settings: TabLinkSettings): string | undefined {
  if (settings.teamsAppId) {
    const context = encodeURIComponent(JSON.stringify({ subEntityId: MY_DATA_SECTION_ID }));
    return `https://teams.microsoft.com/l/entity/${encodeURIComponent(settings.teamsAppId)}/${MY_LEARNING_TAB_ENTITY_ID}?context=${context}`;
  }
  if (settings.mode !== 'local') return undefined;
  return `${settings.tabEndpoint ?? `http://localhost:${settings.port}`}/personal#${MY_DATA_SECTION_ID}`;
}

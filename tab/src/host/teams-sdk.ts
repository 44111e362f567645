import type { pages } from '@microsoft/teams-js';

/** The slice of `app.getContext()` the tab reads. */
export interface TeamsContext {
  app: { theme?: string; locale?: string };
  /** `internalId` is the "19:…@thread.tacv2" id the bot receives; `groupId` would be the Microsoft 365 group. */
  team?: { internalId?: string };
  channel?: { id?: string };
  /** `subPageId` is the `subEntityId` of the deep link that opened the tab: the bot's cards put a team id there. */
  page?: { subPageId?: string };
}

/** The part of @microsoft/teams-js the tab uses, so tests can stand in for Teams. */
export interface TeamsSdk {
  initialize(): Promise<void>;
  getContext(): Promise<TeamsContext>;
  getAuthToken(): Promise<string>;
  registerOnThemeChangeHandler(handler: (theme: string) => void): void;
  notifySuccess(): void;
}

/**
 * teams-js is loaded only when the page might be in Teams: outside Teams it would be dead
 * weight, and merely importing it fetches Microsoft's list of valid host domains.
 */
let loading: Promise<typeof import('./teams-js-bridge.js')> | undefined;
const teamsJs = () => (loading ??= import('./teams-js-bridge.js'));

export const realTeamsSdk: TeamsSdk = {
  initialize: async () => (await teamsJs()).app.initialize(),
  getContext: async () => (await teamsJs()).app.getContext(),
  getAuthToken: async () => (await teamsJs()).authentication.getAuthToken(),
  registerOnThemeChangeHandler: (handler) => void teamsJs().then((t) => t.app.registerOnThemeChangeHandler(handler)),
  notifySuccess: () => void teamsJs().then((t) => t.app.notifySuccess()),
};

/** What a channel or chat tab points at once saved: the team dashboard on this same origin. */
export function teamTabConfig(origin: string): pages.InstanceConfig {
  return {
    entityId: 'learning-loop-team',
    contentUrl: `${origin}/team`,
    websiteUrl: `${origin}/team`,
    suggestedDisplayName: 'Learning Loop',
  };
}

/** On the configuration page inside Teams: the tab can be saved at once, and saving adds the team dashboard. */
export async function offerTeamTab(origin: string): Promise<void> {
  const { pages } = await teamsJs();
  pages.config.registerOnSaveHandler((save) => {
    pages.config
      .setConfig(teamTabConfig(origin))
      .then(() => save.notifySuccess())
      .catch((error: unknown) => save.notifyFailure(error instanceof Error ? error.message : String(error)));
  });
  pages.config.setValidityState(true);
}

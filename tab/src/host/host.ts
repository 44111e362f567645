import type { MemberRef, TabPage } from '../routes.js';

export type ThemeName = 'light' | 'dark' | 'contrast';

interface HostBase {
  theme: ThemeName;
  /**
   * The user's language as a BCP 47 tag Intl accepts, narrowed to the languages the tab speaks
   * ("es-MX" stays, "fr-FR" becomes "en"), so dates and numbers read like the words around them.
   */
  locale: string;
  page: TabPage;
  /** The team the tab was opened for: Teams' "19:…@thread.tacv2" id, as the bot knows the team. */
  teamId?: string;
  /** The channel the tab sits in, when Teams says so. */
  channelId?: string;
  /** On the member-entries page: whose entries, as its path names them. */
  member?: MemberRef;
  /** Calls the listener whenever the theme should change; returns how to stop listening. */
  onThemeChange(listener: (theme: ThemeName) => void): () => void;
}

/** Where the tab runs: inside Teams (signed in, themed by Teams) or on its own in local mode. */
export type Host = (HostBase & { kind: 'teams'; getToken: () => Promise<string> }) | (HostBase & { kind: 'local'; reason: LocalReason });

/** Why the tab runs in local mode; the banner words it in the tab's language. */
export type LocalReason = { kind: 'outside-teams' } | { kind: 'teams-silent'; detail: string };

/** Teams calls its themes default, dark and contrast. */
export function themeFromTeams(name: string | undefined): ThemeName {
  if (name === 'dark') return 'dark';
  if (name === 'contrast') return 'contrast';
  return 'light';
}

/** `?theme=light|dark|contrast` pins the theme in local mode; anything else leaves it to the browser. */
export function themeFromQuery(search: string): ThemeName | undefined {
  const forced = new URLSearchParams(search).get('theme');
  return forced === 'light' || forced === 'dark' || forced === 'contrast' ? forced : undefined;
}

/** `?team=` names the team in local mode, where there is no Teams context to say which. */
export function teamFromQuery(search: string): string | undefined {
  const team = new URLSearchParams(search).get('team')?.trim();
  return team ? team : undefined;
}

/** `?locale=es` or `?locale=ar-EG` picks the language in local mode, where there is no Teams context to say which. */
export function localeFromQuery(search: string): string | undefined {
  const tag = new URLSearchParams(search).get('locale')?.trim();
  return tag ? tag : undefined;
}

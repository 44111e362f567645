import type { MessageKey } from './i18n/messages/en.js';

export type TabPage = 'personal' | 'team' | 'configure' | 'admin' | 'member-entries';

/** Whose entries the member-entries page shows, named in its path. */
export interface MemberRef {
  teamId: string;
  userId: string;
}

const PAGES: Record<string, TabPage> = {
  '/team': 'team',
  '/configure': 'configure',
  '/admin': 'admin',
};

// Both ids are one encoded path segment each: a Teams team id holds ':' and '@'.
const MEMBER_PATH = /^\/teams\/([^/]+)\/members\/([^/]+)$/i;

function trimmed(pathname: string): string {
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
}

/** The tab's pages are plain paths; anything unknown (`/`, `/index.html`, `/personal`) is the learner's own page. */
export function pageFromPath(pathname: string): TabPage {
  if (memberFromPath(pathname)) return 'member-entries';
  return PAGES[trimmed(pathname).toLowerCase()] ?? 'personal';
}

/** The team and member a `/teams/{teamId}/members/{userId}` path names, or undefined for any other path. */
export function memberFromPath(pathname: string): MemberRef | undefined {
  const match = MEMBER_PATH.exec(trimmed(pathname));
  if (!match?.[1] || !match[2]) return undefined;
  try {
    return { teamId: decodeURIComponent(match[1]), userId: decodeURIComponent(match[2]) };
  } catch {
    return undefined; // a malformed escape names nobody
  }
}

/** Where a lead reads one member's entries; the query (a local demo identity, a theme) goes along. */
export function memberEntriesPath({ teamId, userId }: MemberRef, search = ''): string {
  return `/teams/${encodeURIComponent(teamId)}/members/${encodeURIComponent(userId)}${search}`;
}

/**
 * Back to the team's dashboard, keeping the query but naming the team, so the dashboard shows
 * the team the member is in even where the host does not say which (the personal dashboard tab).
 */
export function teamDashboardPath(teamId: string, search = ''): string {
  const query = new URLSearchParams(search);
  query.set('team', teamId);
  return `/team?${query.toString()}`;
}

export const PAGE_TITLE_KEYS = {
  personal: 'page.personal',
  team: 'page.team',
  configure: 'page.configure',
  admin: 'page.admin',
  'member-entries': 'page.memberEntries',
} as const satisfies Record<TabPage, MessageKey>;

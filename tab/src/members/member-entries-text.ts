import { ApiFailure } from '../api/api-client.js';
import { PAGE_TITLES } from '../routes.js';

/** The page's heading: the member's name once the service has said it. */
export function memberEntriesTitle(name: string | undefined): string {
  return name ? `${name}’s learning` : PAGE_TITLES['member-entries'];
}

/** Said above the list, so a lead never takes it for the member's whole log. */
export function privateNote(name: string | undefined): string {
  const who = name ?? 'this member';
  return `You see the entries ${who} shares with the team’s leads or with the whole team. Entries they keep private (“Only me”) are not shown.`;
}

export function entriesCountText(count: number): string {
  return `${count === 1 ? '1 entry' : `${count} entries`} shown, newest first`;
}

/** Nothing to list: nothing shared at all, or nothing among the newest entries with older ones still to look through. */
export function emptyText(name: string | undefined, more: boolean): string {
  const who = name ?? 'This member';
  return more
    ? 'Nothing among the most recent entries is shared with leads. Load more to look further back.'
    : `${who} has not shared any entries with the team’s leads yet.`;
}

/** What "Load more" brought, for the page's live region. */
export function loadedMoreText(added: number, more: boolean): string {
  const loaded = added === 0 ? 'None of the next entries are shared with leads' : added === 1 ? 'Loaded 1 more entry' : `Loaded ${added} more entries`;
  return `${loaded}. ${more ? 'There are older ones still.' : 'That is the end of the list.'}`;
}

/**
 * The service's refusals that no retry will change, said for this page: it is for the team's
 * leads (403), or the person is not in the team (404). Anything else is a failure to retry.
 */
export function refusalText(error: unknown): string | undefined {
  if (!(error instanceof ApiFailure)) return undefined;
  if (error.status === 403) return 'This page is for the team’s leads: only a lead of this team can read what its members share with their leads.';
  if (error.status === 404) return 'This person is not a member of this team, so there are no entries to show. They may have left it.';
  return undefined;
}

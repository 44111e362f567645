import { ApiFailure } from '../api/api-client.js';
import type { TabTranslator } from '../i18n/i18n-context.js';

type T = Pick<TabTranslator, 't' | 'plural'>;

/** The page's heading: the member's name once the service has said it. */
export function memberEntriesTitle(name: string | undefined, { t }: T): string {
  return name ? t('memberEntries.title', { name }) : t('page.memberEntries');
}

/** Said above the list, so a lead never takes it for the member's whole log. */
export function privateNote(name: string | undefined, { t }: T): string {
  return t('memberEntries.privateNote', { name: name ?? t('memberEntries.thisMember') });
}

export function entriesCountText(count: number, { plural }: T): string {
  return plural('memberEntries.count', count);
}

/** Nothing to list: nothing shared at all, or nothing among the newest entries with older ones still to look through. */
export function emptyText(name: string | undefined, more: boolean, { t }: T): string {
  if (more) return t('memberEntries.emptyMore');
  return name ? t('memberEntries.emptyNamed', { name }) : t('memberEntries.empty');
}

/** What "Load more" brought, for the page's live region. */
export function loadedMoreText(added: number, more: boolean, { t, plural }: T): string {
  const loaded = added === 0 ? t('memberEntries.noneShared') : plural('memberEntries.loadedMore', added);
  return `${loaded} ${more ? t('memberEntries.olderStill') : t('memberEntries.end')}`;
}

/**
 * The service's refusals that no retry will change, said for this page: it is for the team's
 * leads (403), or the person is not in the team (404). Anything else is a failure to retry.
 */
export function refusalText(error: unknown, { t }: T): string | undefined {
  if (!(error instanceof ApiFailure)) return undefined;
  if (error.status === 403) return t('memberEntries.forLeads');
  if (error.status === 404) return t('memberEntries.notMember');
  return undefined;
}

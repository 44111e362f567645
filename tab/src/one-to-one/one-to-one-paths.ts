/** Where the tab asks about 1:1 lists (bot/contract/one-to-one.ts). */

export const MY_ONE_TO_ONES_PATH = '/api/v1/me/one-to-ones';

/** The caller's own id, for the lead's side: their list with a member is named by both ids. */
export const ME_PATH = '/api/v1/me';

export interface PairRef {
  teamId: string;
  leadId: string;
  memberId: string;
}

export function pairPath({ teamId, leadId, memberId }: PairRef): string {
  return `/api/v1/teams/${encodeURIComponent(teamId)}/one-to-ones/${encodeURIComponent(leadId)}/${encodeURIComponent(memberId)}`;
}

export function pairItemsPath(pair: PairRef): string {
  return `${pairPath(pair)}/items`;
}

export function itemTickedPath(pair: PairRef, itemId: string): string {
  return `${pairPath(pair)}/items/${encodeURIComponent(itemId)}/ticked`;
}

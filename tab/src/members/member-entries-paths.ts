import type { MemberRef } from '../routes.js';

/** The leads' view of one member's log: leads only, and never an entry the member kept private. */
export function memberEntriesApiPath({ teamId, userId }: MemberRef, pageSize: number, cursor?: string): string {
  const query = `limit=${pageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
  return `/api/v1/teams/${encodeURIComponent(teamId)}/members/${encodeURIComponent(userId)}/entries?${query}`;
}

import type { Share } from '../domain/share.js';

/** A learning share as cards show it — Megan's "UX 101" course in the team's channel — with what a test changes. */
export function sampleShare(changes: Partial<Share> = {}): Share {
  return {
    tenantId: 't1',
    teamId: '19:team@thread.tacv2',
    shareId: 'entry-0001',
    sharerId: 'u1',
    sharerName: 'Megan Bowen',
    what: 'UX 101',
    sourceType: 'course',
    link: 'https://example.com/ux',
    resourceKey: 'k',
    insight: '1-2-3',
    action: 'A/B',
    sharerRating: 4,
    createdAt: '2026-11-27T16:05:00.000Z',
    withdrawnAt: null,
    channelId: '19:shares@thread.tacv2',
    activityId: null,
    tally: { helpful: 3, saves: 1, ratingSum: 13, ratingCount: 3 },
    ...changes,
  };
}

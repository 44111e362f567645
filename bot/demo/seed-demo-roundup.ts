import { weekKeyOf } from '../domain/member-rollup.js';
import { minuteKey, type DueIndexStore } from '../store/due-index-store.js';
import type { ShareStore } from '../store/share-store.js';
import type { TeamStore } from '../store/team-store.js';
import { DEMO_TEAM, DEMO_TENANT_ID } from './demo-team.js';

/** How far back the demo looks for the week its round-up tells of. */
const LOOK_BACK_MS = 8 * 7 * 86_400_000;

/**
 * Files the demo team's weekly round-up as due now, telling of the week of its newest share, so
 * the Playground's learning channel shows one as soon as the app knows the team's conversation
 * (open the team in the Playground). It goes the way every round-up goes — the scheduler, the
 * send queue, the pacer — and once per week: a second start in the same week posts nothing more.
 */
export async function seedDemoRoundup(
  stores: {
    teams: Pick<TeamStore, 'getSettings'>;
    shares: Pick<ShareStore, 'sharedSince' | 'get'>;
    dueIndex: Pick<DueIndexStore, 'putRoundup'>;
  },
  now: Date,
): Promise<string | undefined> {
  const settings = await stores.teams.getSettings(DEMO_TENANT_ID, DEMO_TEAM.id);
  if (!settings) return undefined;
  const [newest] = await stores.shares.sharedSince(DEMO_TENANT_ID, DEMO_TEAM.id, new Date(now.getTime() - LOOK_BACK_MS));
  const share = newest ? await stores.shares.get(DEMO_TENANT_ID, DEMO_TEAM.id, newest) : undefined;
  if (!share) return undefined;
  const week = weekKeyOf(share.share.createdAt, settings.schedule?.timeZone ?? 'UTC');
  await stores.dueIndex.putRoundup({
    minute: minuteKey(now),
    tenantId: DEMO_TENANT_ID,
    teamId: DEMO_TEAM.id,
    cycle: week,
    dueAt: now.toISOString(),
  });
  return week;
}

import type { Logger } from 'pino';
import { goalAfterRetention, retentionCutoff, rollupWithout, weekAggregateOf, weeksBefore } from '../domain/retention.js';
import type { AggregateStore } from '../store/aggregate-store.js';
import type { CoachingStore } from '../store/coaching-store.js';
import type { DigestStore } from '../store/digest-store.js';
import type { EntryStore } from '../store/entry-store.js';
import type { GoalStore } from '../store/goal-store.js';
import type { LeaseStore } from '../store/lease-store.js';
import type { NudgeStore } from '../store/nudge-store.js';
import type { RecommendationStore } from '../store/recommendation-store.js';
import type { RollupStore } from '../store/rollup-store.js';
import type { SendStore } from '../store/send-store.js';
import type { ShareStore } from '../store/share-store.js';
import type { XapiOutboxStore } from '../store/xapi-outbox-store.js';
import type { AuditStore } from '../store/audit-store.js';
import type { TeamStore } from '../store/team-store.js';
import type { Clock } from './learner.js';

export interface RetentionDeps {
  days: number;
  teams: Pick<TeamStore, 'listAllTeams'>;
  rollups: RollupStore;
  aggregates: AggregateStore;
  entries: EntryStore;
  sends: SendStore;
  nudges: NudgeStore;
  coaching: CoachingStore;
  goals: GoalStore;
  shares: Pick<ShareStore, 'removeBefore'>;
  recommendations: Pick<RecommendationStore, 'removeMadeBefore'>;
  digests: Pick<DigestStore, 'removeSentBefore'>;
  xapiOutbox: Pick<XapiOutboxStore, 'removeBefore'>;
  auditTrail: Pick<AuditStore, 'removeBefore'>;
  leases: LeaseStore;
  clock: Clock;
  logger: Logger;
}

/** What one pass removed or folded, kind by kind. */
export const RETENTION_COUNTS = [
  'weeksFolded',
  'entries',
  'sends',
  'nudges',
  'coachingNotes',
  'goalsDeleted',
  'goalsTrimmed',
  'shares',
  'helpedNotices',
  'recommendations',
  'digestClaims',
  'xapiStatements',
  'auditEvents',
] as const;
export type RetentionCounts = Record<(typeof RETENTION_COUNTS)[number], number>;

/** A pass that found nothing to do. */
export function noneRetained(): RetentionCounts {
  return Object.fromEntries(RETENTION_COUNTS.map((k) => [k, 0])) as RetentionCounts;
}

const LEASE = 'retention';
/** A run that dies leaves the lease to expire: the next look after this finishes the day's run. */
const LEASE_MS = 60 * 60_000;
/** Rewrites of a rollup that raced a live update; a handful settles any real race. */
const MAX_TRIES = 5;

/**
 * Deletes raw records older than the retention, once a day on one instance. Each team's weeks
 * past it are first folded into anonymous team totals, then the members' cells for them go, then
 * the raw records. Every step finds its work by reading the tables, so a rerun changes nothing and
 * a run that stopped half way is finished by the next.
 */
export class RetentionService {
  constructor(private readonly deps: RetentionDeps) {}

  /** Runs today's pass unless another instance holds it or it already ran today (UTC); whether it ran. */
  async runDue(holder: string): Promise<boolean> {
    const now = this.deps.clock();
    const today = now.toISOString().slice(0, 10);
    const lease = await this.deps.leases.acquire(LEASE, holder, now, LEASE_MS);
    if (!lease || lease.cursor === today) return false;
    await this.run(now);
    await this.deps.leases.saveCursor(LEASE, lease, today);
    return true;
  }

  /** One pass at `now` over every tenant with a team. */
  async run(now: Date): Promise<RetentionCounts> {
    const cutoff = retentionCutoff(now, this.deps.days);
    const teams = await this.deps.teams.listAllTeams();
    const done = noneRetained();
    // Folding comes first: rollups were built from the raw records, and must be summed before anything else goes.
    for (const team of teams) done.weeksFolded += await this.foldTeam(team.tenantId, team.teamId, team.schedule?.timeZone ?? 'UTC', cutoff);
    for (const tenantId of new Set(teams.map((t) => t.tenantId))) {
      const s = this.deps;
      done.entries += await s.entries.removeOlderThan(tenantId, cutoff);
      done.sends += await s.sends.removeDueBefore(tenantId, cutoff);
      done.nudges += await s.nudges.removeSentBefore(tenantId, cutoff);
      done.coachingNotes += await s.coaching.removeWrittenBefore(tenantId, cutoff);
      const shares = await s.shares.removeBefore(tenantId, cutoff);
      done.shares += shares.shares;
      done.helpedNotices += shares.helpedNotices;
      done.recommendations += await s.recommendations.removeMadeBefore(tenantId, cutoff);
      done.digestClaims += await s.digests.removeSentBefore(tenantId, cutoff);
      done.xapiStatements += await s.xapiOutbox.removeBefore(tenantId, cutoff);
      // The trail names people too: it is kept as long as the records it speaks of, no longer.
      done.auditEvents += await s.auditTrail.removeBefore(tenantId, cutoff);
      for (const { goal, etag } of await s.goals.listTenant(tenantId)) {
        const after = goalAfterRetention(goal, cutoff);
        if (after.action === 'delete' && (await s.goals.remove(goal))) done.goalsDeleted++;
        // A goal changed meanwhile is left for tomorrow's run.
        if (after.action === 'trim' && (await s.goals.replace(after.goal, etag))) done.goalsTrimmed++;
      }
    }
    // Counts only: who lost what is not for the log.
    this.deps.logger.info({ retention: done, cutoff: cutoff.toISOString() }, 'applied the retention');
    return done;
  }

  /**
   * Writes the team's totals for each week past the cutoff (once: an existing row means an
   * earlier run summed it while every cell was still there), then removes those cells.
   */
  private async foldTeam(tenantId: string, teamId: string, zone: string, cutoff: Date): Promise<number> {
    const rows = await this.deps.rollups.changedSince(tenantId, teamId, undefined);
    const rollups = rows.map((r) => r.decode());
    const weeks = weeksBefore(rollups, cutoff, zone);
    if (weeks.length === 0) return 0;
    let folded = 0;
    for (const week of weeks) if (await this.deps.aggregates.createOnce(tenantId, teamId, weekAggregateOf(rollups, week))) folded++;
    for (const [i, row] of rows.entries()) {
      let current: { rollup: (typeof rollups)[number]; etag: string } | undefined = { rollup: rollups[i]!, etag: row.etag };
      for (let tries = 0; current && tries < MAX_TRIES; tries++) {
        const without = rollupWithout(current.rollup, weeks);
        if (!without || (await this.deps.rollups.put(tenantId, teamId, without, current.etag))) break;
        current = await this.deps.rollups.get(tenantId, teamId, row.userId);
      }
    }
    return folded;
  }
}

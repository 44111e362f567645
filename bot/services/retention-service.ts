import type { Logger } from 'pino';
import {
  addToWeekAggregate,
  emptyWeekAggregate,
  goalAfterRetention,
  memberWeeksBefore,
  weekIsBefore,
  retentionCutoff,
  rollupWithout,
  type WeekAggregate,
} from '../domain/retention.js';
import type { MemberRollup } from '../domain/member-rollup.js';
import { keyOf } from '../store/keys.js';
import type { AggregateStore } from '../store/aggregate-store.js';
import type { CoachingStore } from '../store/coaching-store.js';
import type { DigestStore } from '../store/digest-store.js';
import type { EntryStore } from '../store/entry-store.js';
import type { GoalStore } from '../store/goal-store.js';
import type { LeaseStore } from '../store/lease-store.js';
import type { NudgeStore } from '../store/nudge-store.js';
import type { FollowUpStore } from '../store/follow-up-store.js';
import type { OneToOneStore } from '../store/one-to-one-store.js';
import type { ShareAskStore } from '../store/share-ask-store.js';
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
  followUps: Pick<FollowUpStore, 'removeNudgedBefore'>;
  shareAsks: Pick<ShareAskStore, 'removeAskedBefore'>;
  oneToOne: Pick<OneToOneStore, 'removeAddedBefore'>;
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
  'followUps',
  'shareAsks',
  'oneToOneItems',
] as const;
export type RetentionCounts = Record<(typeof RETENTION_COUNTS)[number], number>;

/** A pass that found nothing to do. */
export function noneRetained(): RetentionCounts {
  return Object.fromEntries(RETENTION_COUNTS.map((k) => [k, 0])) as RetentionCounts;
}

const LEASE = 'retention';
/** Short, and renewed after every step: a run that dies is picked up by the next look within minutes. */
const LEASE_MS = 5 * 60_000;
/** Rewrites of a rollup that raced a live update; a handful settles any real race. */
const MAX_TRIES = 5;

/**
 * Where a day's run got to, saved in the lease after each step: `<day>` once it is done,
 * `<day> <step>` while under way. Steps sort in the order they run: every team's folding
 * (`1|tenant|team`) before any tenant's deletes (`2|tenant|nn`, a kind of record each).
 */
export interface RetentionProgress {
  /** The last step finished, if the run is under way. */
  after?: string;
  /** Saves progress and renews the lease; false when the lease went to another instance (stop). */
  checkpoint(step: string): Promise<boolean>;
}

/**
 * Deletes raw records older than the retention, once a day on one instance. Each team's weeks
 * past it are first folded into anonymous team totals, then the members' cells for them go, then
 * the raw records. Every step finds its work by reading the tables a page at a time, so memory is
 * bounded by a page, a rerun changes nothing, and a run that stopped half way resumes after the
 * last step it finished.
 */
export class RetentionService {
  constructor(private readonly deps: RetentionDeps) {}

  /** Runs or resumes today's pass unless another instance holds it or it already ran today (UTC); whether it ran to the end. */
  async runDue(holder: string): Promise<boolean> {
    const now = this.deps.clock();
    const today = now.toISOString().slice(0, 10);
    let lease = await this.deps.leases.acquire(LEASE, holder, now, LEASE_MS);
    if (!lease || lease.cursor === today) return false;
    const [day, ...step] = (lease.cursor ?? '').split(' ');
    const progress: RetentionProgress = {
      ...(day === today && step.length > 0 ? { after: step.join(' ') } : {}),
      checkpoint: async (done) => {
        lease = lease && (await this.deps.leases.saveCursor(LEASE, lease, `${today} ${done}`));
        lease = lease && (await this.deps.leases.acquire(LEASE, holder, this.deps.clock(), LEASE_MS));
        if (!lease) this.deps.logger.warn('lost the retention lease mid-run; another instance carries on');
        return lease !== undefined;
      },
    };
    if (!(await this.run(now, progress))) return false;
    await this.deps.leases.saveCursor(LEASE, lease, today);
    return true;
  }

  /** One pass at `now` over every tenant with a team (or the rest of one, after `progress.after`); undefined when it had to stop. */
  async run(now: Date, progress?: RetentionProgress): Promise<RetentionCounts | undefined> {
    const cutoff = retentionCutoff(now, this.deps.days);
    const teams = await this.deps.teams.listAllTeams();
    const done = noneRetained();
    const due = (step: string) => progress?.after === undefined || step > progress.after;
    const finished = async (step: string) => !progress || (await progress.checkpoint(step));
    // Folding comes first: rollups were built from the raw records, and must be summed before anything else goes.
    const folds = teams
      .map((team) => ({ team, step: `1|${keyOf(team.tenantId, team.teamId)}` }))
      .sort((a, b) => a.step.localeCompare(b.step));
    for (const { team, step } of folds) {
      if (!due(step)) continue;
      done.weeksFolded += await this.foldTeam(team.tenantId, team.teamId, team.schedule?.timeZone ?? 'UTC', cutoff);
      if (!(await finished(step))) return undefined;
    }
    for (const tenantId of [...new Set(teams.map((t) => t.tenantId))].sort()) {
      // A step per kind of record, so a big tenant's deletes renew the lease and checkpoint as they go.
      for (const [n, remove] of this.rawRemovals().entries()) {
        const step = `2|${keyOf(tenantId)}|${String(n).padStart(2, '0')}`;
        if (!due(step)) continue;
        await remove(tenantId, cutoff, done);
        if (!(await finished(step))) return undefined;
      }
    }
    // Counts only: who lost what is not for the log.
    this.deps.logger.info({ retention: done, cutoff: cutoff.toISOString() }, 'applied the retention');
    return done;
  }

  /** The raw records' removals, in the order they run: each is one step of a tenant's deletes. */
  private rawRemovals(): Array<(tenantId: string, cutoff: Date, done: RetentionCounts) => Promise<void>> {
    const s = this.deps;
    return [
      async (t, c, done) => void (done.entries += await s.entries.removeOlderThan(t, c)),
      async (t, c, done) => void (done.sends += await s.sends.removeDueBefore(t, c)),
      async (t, c, done) => void (done.nudges += await s.nudges.removeSentBefore(t, c)),
      async (t, c, done) => void (done.coachingNotes += await s.coaching.removeWrittenBefore(t, c)),
      async (t, c, done) => {
        const shares = await s.shares.removeBefore(t, c);
        done.shares += shares.shares;
        done.helpedNotices += shares.helpedNotices;
      },
      async (t, c, done) => void (done.recommendations += await s.recommendations.removeMadeBefore(t, c)),
      async (t, c, done) => void (done.digestClaims += await s.digests.removeSentBefore(t, c)),
      async (t, c, done) => void (done.xapiStatements += await s.xapiOutbox.removeBefore(t, c)),
      // The trail names people too: it is kept as long as the records it speaks of, no longer.
      async (t, c, done) => void (done.auditEvents += await s.auditTrail.removeBefore(t, c)),
      async (t, c, done) => {
        for await (const { goal, etag } of s.goals.streamTenant(t)) {
          const after = goalAfterRetention(goal, c);
          if (after.action === 'delete' && (await s.goals.remove(goal))) done.goalsDeleted++;
          // A goal changed meanwhile is left for tomorrow's run.
          if (after.action === 'trim' && (await s.goals.replace(after.goal, etag))) done.goalsTrimmed++;
        }
      },
      // Last, so a run under way when this step was added resumes where it was: a follow-up goes with the nudge that opened it.
      async (t, c, done) => void (done.followUps += await s.followUps.removeNudgedBefore(t, c)),
      async (t, c, done) => void (done.shareAsks += await s.shareAsks.removeAskedBefore(t, c)),
      async (t, c, done) => void (done.oneToOneItems += await s.oneToOne.removeAddedBefore(t, c)),
    ];
  }

  /**
   * Writes the team's totals for each week past the cutoff (once: an existing row means an
   * earlier run summed it while every cell was still there), then removes those cells. Two passes
   * over the members' rollups, a page at a time: one to sum, one to strip.
   */
  private async foldTeam(tenantId: string, teamId: string, zone: string, cutoff: Date): Promise<number> {
    const sums = new Map<string, WeekAggregate>();
    const isBefore = weekIsBefore(cutoff, zone);
    for await (const row of this.deps.rollups.streamTeam(tenantId, teamId)) {
      const rollup = row.decode();
      for (const week of memberWeeksBefore(rollup, isBefore))
        sums.set(week, addToWeekAggregate(sums.get(week) ?? emptyWeekAggregate(week), rollup));
    }
    if (sums.size === 0) return 0;
    let folded = 0;
    for (const week of [...sums.keys()].sort()) if (await this.deps.aggregates.createOnce(tenantId, teamId, sums.get(week)!)) folded++;
    const weeks = [...sums.keys()];
    for await (const row of this.deps.rollups.streamTeam(tenantId, teamId)) {
      let current: { rollup: MemberRollup; etag: string } | undefined = { rollup: row.decode(), etag: row.etag };
      for (let tries = 0; current && tries < MAX_TRIES; tries++) {
        const without = rollupWithout(current.rollup, weeks);
        if (!without || (await this.deps.rollups.put(tenantId, teamId, without, current.etag))) break;
        current = await this.deps.rollups.get(tenantId, teamId, row.userId);
      }
    }
    return folded;
  }
}

import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import { digestOf, digestWindowDue, type Digest, type DigestWindow } from '../domain/digest.js';
import type { LeaseStore } from '../store/lease-store.js';
import { digestCycle, type SendRecord, type SendStore } from '../store/send-store.js';
import type { TeamStore } from '../store/team-store.js';
import type { WorkQueue } from '../store/work-queue.js';
import type { DashboardService } from './dashboard-service.js';
import type { Clock, Learner } from './learner.js';
import type { OutboundMessage } from './outbound-message.js';
import type { SendWork } from './send-work.js';
import type { ShareLists } from './share-lists.js';
import { inBatches } from './in-batches.js';

const LEASE = 'digest-planner';
/** Short, so a crashed planner is replaced quickly; renewed as it goes through the teams. */
const LEASE_MS = 30_000;
/** Teams planned between renewals of the lease. */
const TEAMS_PER_RENEWAL = 64;
/** Teams planned at once: a team's leads are planned together, so this keeps about 32 storage requests in flight. */
const TEAMS_AT_ONCE = 16;
/** How far back the very first pass looks: one pass interval, so a window opening just before start-up is not missed. */
const FIRST_PASS_LOOKBACK_MS = 15 * 60_000;

/**
 * Each lead's weekly digest, in their personal chat from Monday 09:00 in the team's zone. One
 * instance plans: for each team whose digest window is open, a send record per lead and week
 * (a deterministic key, so planning twice plans once) and a work item on the send queue. Every
 * instance's send worker delivers them like check-ins — paced, retried after a 429, and marked
 * sent only once Teams has taken the message.
 */
export class DigestService {
  constructor(
    private readonly deps: {
      teams: TeamStore;
      sends: SendStore;
      queue: WorkQueue<SendWork>;
      leases: LeaseStore;
      instanceId: string;
      dashboards: Pick<DashboardService, 'dashboardFor'>;
      shareLists: Pick<ShareLists, 'sharedSince'>;
      clock: Clock;
      logger: Logger;
      /** Where the digest's "Open the dashboard" goes for a team; undefined leaves the button off. */
      dashboardUrl?: (teamId: string) => string | undefined;
    },
  ) {}

  /**
   * Plans the digests whose window opened since the last pass (windows missed while the service
   * was down included, up to two days late); how many it queued. Progress is the lease's cursor,
   * saved after a whole pass, so each lead's digest is planned about once a week, not every pass.
   */
  async planDue(): Promise<number> {
    const now = this.deps.clock();
    let lease = await this.deps.leases.acquire(LEASE, this.deps.instanceId, now, LEASE_MS);
    if (!lease) return 0;
    // A first pass starts from now: windows before it were the business of what ran before.
    const since = lease.cursor ? new Date(lease.cursor) : new Date(now.getTime() - FIRST_PASS_LOOKBACK_MS);
    const due: Array<{ tenantId: string; teamId: string; window: DigestWindow }> = [];
    for (const team of await this.deps.teams.listAllTeams()) {
      const window = digestWindowDue(now, team.schedule?.timeZone ?? 'UTC');
      if (window && window.opensAt > since) due.push({ tenantId: team.tenantId, teamId: team.teamId, window });
    }
    let planned = 0;
    // Teams are planned several at once (each a few storage round trips), a chunk between renewals
    // of the lease: one team after another, a whole organisation opening its window together takes
    // longer than the window's first quarter of an hour at real storage latency.
    for (let i = 0; i < due.length; i += TEAMS_PER_RENEWAL) {
      if (i > 0) {
        lease = await this.deps.leases.acquire(LEASE, this.deps.instanceId, this.deps.clock(), LEASE_MS);
        if (!lease) {
          this.deps.logger.warn('lost the digest planner lease mid-pass; another instance carries on');
          return planned;
        }
      }
      const counts = await inBatches(due.slice(i, i + TEAMS_PER_RENEWAL), TEAMS_AT_ONCE, async (team) => {
        try {
          return await this.planTeam(team.tenantId, team.teamId, team.window);
        } catch (error) {
          this.deps.logger.warn({ err: error, teamId: team.teamId }, 'could not plan a team’s weekly digests; the next pass tries again');
          return undefined;
        }
      });
      planned += counts.reduce<number>((sum, n) => sum + (n ?? 0), 0);
      // The cursor stays where it was, so the next pass plans the failed team again (idempotently).
      if (counts.includes(undefined)) return planned;
    }
    await this.deps.leases.saveCursor(LEASE, lease, now.toISOString());
    return planned;
  }

  private async planTeam(tenantId: string, teamId: string, window: DigestWindow): Promise<number> {
    const leads = await this.deps.teams.listLeads(tenantId, teamId);
    const queued = await Promise.all(
      leads.map(async (lead) => {
        const work: SendWork = { kind: 'digest', tenantId, userId: lead.userId, teamId, cycle: digestCycle(window.week, teamId) };
        if (!(await this.deps.sends.createIfAbsent({ ...work, dueAt: window.opensAt.toISOString() }))) {
          // Planned before: queued again only if it was never tried (a pass cut short between the two writes).
          const record = await this.deps.sends.get(tenantId, lead.userId, work.cycle, 'digest');
          if (!record || record.status !== 'pending' || record.attempts > 0) return false;
        }
        await this.deps.queue.send(work);
        return true;
      }),
    );
    return queued.filter(Boolean).length;
  }

  /** The digest a send record stands for, as a message; undefined once its lead no longer leads the team. */
  async messageFor(record: Pick<SendRecord, 'tenantId' | 'userId' | 'teamId' | 'cycle'>): Promise<OutboundMessage | undefined> {
    const week = record.cycle.split(' ')[0];
    const digest = await this.digestFor({ tenantId: record.tenantId, userId: record.userId }, record.teamId, week);
    return digest ? { kind: 'digest', digest, dashboardUrl: this.deps.dashboardUrl?.(record.teamId) } : undefined;
  }

  /** A lead's digest of the team, e.g. again after they nudged someone from it; undefined for someone who does not lead it. */
  async digestView(lead: Learner, teamId: string): Promise<{ digest: Digest; dashboardUrl: string | undefined } | undefined> {
    const digest = await this.digestFor(lead, teamId);
    return digest ? { digest, dashboardUrl: this.deps.dashboardUrl?.(teamId) } : undefined;
  }

  private async digestFor(lead: Learner, teamId: string, week?: string): Promise<Digest | undefined> {
    const dashboard = await this.deps.dashboards.dashboardFor(lead, teamId, 4);
    if (dashboard.role !== 'lead') return undefined;
    const zone = dashboard.settings.schedule?.timeZone ?? 'UTC';
    const now = DateTime.fromJSDate(this.deps.clock(), { zone });
    const covered = week ?? digestWindowDue(this.deps.clock(), zone)?.week ?? isoWeek(now.minus({ weeks: 1 }));
    const since = now.minus({ weeks: 1 }).startOf('week').toJSDate();
    const shares = await this.deps.shareLists.sharedSince(lead, teamId, since);
    return digestOf(dashboard, shares, covered, since);
  }
}

function isoWeek(at: DateTime): string {
  return `${at.weekYear}-W${String(at.weekNumber).padStart(2, '0')}`;
}

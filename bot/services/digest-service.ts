import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import type { TeamSettings } from '../contract/team-settings.js';
import { DIGEST_CATCH_UP_MS, digestOf, digestWindowDue, nextDigestWindow, type Digest, type DigestWindow } from '../domain/digest.js';
import { minuteKey, type DueEntry, type DueIndexStore } from '../store/due-index-store.js';
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

/** The one walk that files a digest for every team set up before digests were filed in the due index. */
const FILING_LEASE = 'digest-filing';
/** Short, so a crashed walk is taken up quickly; renewed after each page. */
const FILING_LEASE_MS = 30_000;
/** The walk's cursor once every team has been looked at. */
const FILING_DONE = 'done';
/**
 * Where the walk is: the key of the last team it looked at, and the minute before which a filed
 * window is one the scheduler will never read (empty on the first walk: only teams with none).
 */
interface FilingWalk {
  staleBefore: string;
  after: string | undefined;
}

function walkOf(cursor: string | undefined): FilingWalk {
  return cursor ? (JSON.parse(cursor) as FilingWalk) : { staleBefore: '', after: undefined };
}

/** Teams read a page at a time, and filed at once: about 32 storage requests in flight. */
const TEAMS_PER_PAGE = 100;
const FILED_AT_ONCE = 16;

/**
 * Each lead's weekly digest, in their personal chat from Monday 09:00 in the team's zone. Each team
 * has its next digest window filed in the scheduler's due index (one entry per team, moved when
 * its time zone changes), so planning reads only the minutes that passed, never every team. When it
 * falls due the scheduler calls `planDue`: a send record per lead and week (a deterministic key, so
 * planning twice, on two instances or after a restart, plans once) and a work item on the send
 * queue, then next week's window is filed. Every instance's send worker delivers them like
 * check-ins — paced, retried after a 429, and marked sent only once Teams has taken the message.
 */
export class DigestService {
  constructor(
    private readonly deps: {
      teams: Pick<TeamStore, 'getSettings' | 'listLeads' | 'listTeamsAfter'>;
      dueIndex: Pick<DueIndexStore, 'putDigest' | 'digestMinute'>;
      sends: Pick<SendStore, 'createIfAbsent' | 'get'>;
      queue: Pick<WorkQueue<SendWork>, 'send'>;
      leases: Pick<LeaseStore, 'acquire' | 'saveCursor'>;
      instanceId: string;
      dashboards: Pick<DashboardService, 'dashboardFor'>;
      shareLists: Pick<ShareLists, 'sharedSince'>;
      clock: Clock;
      logger: Logger;
      /** Where the digest's "Open the dashboard" goes for a team; undefined leaves the button off. */
      dashboardUrl?: (teamId: string) => string | undefined;
    },
  ) {}

  /** A team was set up or its settings saved: its next digest window is filed in its (perhaps new) time zone. */
  async settingsChanged(settings: TeamSettings, now: Date): Promise<void> {
    await this.file(settings, now);
  }

  /**
   * The scheduler found a team's digest window open: each lead's digest planned (unless the window
   * is more than DIGEST_CATCH_UP_MS late, the scheduler having been down), and next week's window
   * filed. How many digests it queued. A team gone since it was filed gets neither.
   */
  async planDue(entry: DueEntry): Promise<number> {
    const settings = await this.deps.teams.getSettings(entry.tenantId, entry.teamId);
    if (!settings) return 0;
    const opensAt = new Date(entry.dueAt);
    const late = this.deps.clock().getTime() - opensAt.getTime() > DIGEST_CATCH_UP_MS;
    if (late) this.deps.logger.warn({ teamId: entry.teamId, week: entry.cycle }, 'a weekly digest window passed long ago; skipped');
    const planned = late ? 0 : await this.planTeam(entry.tenantId, entry.teamId, { week: entry.cycle, opensAt });
    await this.file(settings, opensAt);
    return planned;
  }

  /**
   * Files the next digest window of every team that has none, walking the teams a page at a time
   * under a lease, with the walk's place saved after each page so another instance or a restart
   * goes on from there. Once through, it never reads the teams again: from then on each team's
   * entry is filed when it is set up or its settings change, and by the scheduler after each
   * window. A walk rather than filing lazily (as round-ups are, from a member's check-in): teams
   * without a schedule get digests too, and a lazy entry would miss the first Monday after an
   * upgrade for a team whose check-ins come later in the week. How many teams it filed.
   */
  async fileExistingTeams(): Promise<number> {
    let lease = await this.deps.leases.acquire(FILING_LEASE, this.deps.instanceId, this.deps.clock(), FILING_LEASE_MS);
    if (!lease || lease.cursor === FILING_DONE) return 0;
    let walk = walkOf(lease.cursor);
    let filed = 0;
    for (;;) {
      const { teams, next } = await this.deps.teams.listTeamsAfter(walk.after, TEAMS_PER_PAGE);
      const done = await inBatches(teams, FILED_AT_ONCE, (team) => this.fileIfMissing(team, walk.staleBefore));
      filed += done.filter(Boolean).length;
      walk = { ...walk, after: next };
      lease = await this.deps.leases.saveCursor(FILING_LEASE, lease, next === undefined ? FILING_DONE : JSON.stringify(walk));
      if (lease && next !== undefined)
        lease = await this.deps.leases.acquire(FILING_LEASE, this.deps.instanceId, this.deps.clock(), FILING_LEASE_MS);
      if (!lease || next === undefined) return filed;
    }
  }

  /**
   * The scheduler was down longer than it catches up, and will never read the minutes before
   * `readFrom`: a digest filed there would be the team's last. The walk runs again (the next
   * `fileExistingTeams`), filing each team whose window was filed before then. Should a walk be
   * under way on another instance, that one goes on as it was.
   */
  async walkAgain(readFrom: Date): Promise<void> {
    const lease = await this.deps.leases.acquire(FILING_LEASE, this.deps.instanceId, this.deps.clock(), FILING_LEASE_MS);
    const walk: FilingWalk = { staleBefore: minuteKey(readFrom), after: undefined };
    if (lease) await this.deps.leases.saveCursor(FILING_LEASE, lease, JSON.stringify(walk));
  }

  private async fileIfMissing(settings: TeamSettings, staleBefore: string): Promise<boolean> {
    const minute = await this.deps.dueIndex.digestMinute(settings.tenantId, settings.teamId);
    if (minute !== undefined && minute >= staleBefore) return false;
    await this.file(settings, this.deps.clock());
    return true;
  }

  /** The team's first digest window after `after`, in its zone, filed as its one digest entry. */
  private async file(settings: TeamSettings, after: Date): Promise<void> {
    const window = nextDigestWindow(settings.schedule?.timeZone ?? 'UTC', after);
    await this.deps.dueIndex.putDigest({
      minute: minuteKey(window.opensAt),
      tenantId: settings.tenantId,
      teamId: settings.teamId,
      cycle: window.week,
      dueAt: window.opensAt.toISOString(),
    });
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

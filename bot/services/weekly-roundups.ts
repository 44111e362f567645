import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { TeamSettings } from '../contract/team-settings.js';
import { roundupSettingOf } from '../contract/weekly-roundup.js';
import { weekKeyOf, weekSpan } from '../domain/member-rollup.js';
import type { Share } from '../domain/share.js';
import { ROUNDUP_LATE_MS, countLearner, nextRoundup, roundupOf, type WeeklyRoundup } from '../domain/weekly-roundup.js';
import type { ConversationStore } from '../store/conversation-store.js';
import { minuteKey, type DueEntry, type DueIndexStore } from '../store/due-index-store.js';
import type { RollupStore } from '../store/rollup-store.js';
import type { SendRecord, SendStore } from '../store/send-store.js';
import type { ShareStore } from '../store/share-store.js';
import type { TeamStore } from '../store/team-store.js';
import type { WorkQueue } from '../store/work-queue.js';
import { inBatches } from './in-batches.js';
import type { Clock } from './learner.js';
import type { ProactiveTarget, SendOutcome } from './messenger.js';
import type { OutboundMessage } from './outbound-message.js';
import type { ChannelPost } from './share-publisher.js';
import type { SendWork } from './send-work.js';

/** Shares read at once when a round-up is built: one point read each. */
const READS_IN_FLIGHT = 16;
/** Teams this instance remembers having checked for a filed round-up, and for how long. */
const CHECKED_TEAMS = 5_000;
const CHECKED_FOR_MS = 24 * 3_600_000;

/**
 * What the send worker does with a round-up's record: post this to the team's learning channel;
 * an outcome already known; skip it (turned off, nothing shared, too late); or look again later
 * (the app does not know the team's conversation yet).
 */
export type RoundupDelivery =
  { target: ProactiveTarget; message: OutboundMessage; conversationId: string } | SendOutcome | 'skipped' | 'later';

/**
 * Each team's weekly round-up in its learning channel. A team's next round-up is filed in the
 * scheduler's due index (one entry per team, moved when a lead changes the day or zone), so
 * planning reads only the minutes that passed, never every team. When it falls due the scheduler
 * calls `planDue`: a send record per team and week (a deterministic key, so planning twice, on two
 * instances or after a restart, plans once) and a work item on the send queue; the send worker
 * posts it like a check-in — paced, claimed, marked sent only once Teams has taken it.
 */
export class WeeklyRoundups {
  /** Teams found with a round-up filed (or turned off) lately: each costs a read at most once a day per instance. */
  private readonly checked = new LRUCache<string, true>({ max: CHECKED_TEAMS, ttl: CHECKED_FOR_MS });

  constructor(
    private readonly deps: {
      teams: Pick<TeamStore, 'getSettings'>;
      dueIndex: Pick<DueIndexStore, 'putRoundup' | 'removeRoundup' | 'hasRoundup'>;
      sends: Pick<SendStore, 'createIfAbsent' | 'get'>;
      queue: Pick<WorkQueue<SendWork>, 'send'>;
      shares: Pick<ShareStore, 'sharedSince' | 'get'>;
      rollups: Pick<RollupStore, 'streamTeam'>;
      conversations: Pick<ConversationStore, 'listFor'>;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  /** A team's settings were saved, or the app was installed in it: its next round-up is filed, or taken out when it is off. */
  async settingsChanged(settings: TeamSettings, now: Date): Promise<void> {
    const setting = roundupSettingOf(settings);
    if (!setting.enabled) await this.deps.dueIndex.removeRoundup(settings.tenantId, settings.teamId);
    else await this.file(settings, now);
    this.checked.set(teamKey(settings.tenantId, settings.teamId), true);
  }

  /**
   * Files the team's round-up when it has none and is on: a team set up before round-ups existed
   * gets its first when its members' check-ins are planned. Never fails the caller.
   */
  async ensureFiled(tenantId: string, teamId: string): Promise<void> {
    const key = teamKey(tenantId, teamId);
    if (this.checked.has(key)) return;
    try {
      if (!(await this.deps.dueIndex.hasRoundup(tenantId, teamId))) {
        const settings = await this.deps.teams.getSettings(tenantId, teamId);
        if (settings && roundupSettingOf(settings).enabled) await this.file(settings, this.deps.clock());
      }
      this.checked.set(key, true);
    } catch (error) {
      this.deps.logger.warn({ err: error, teamId }, 'could not check the team’s weekly round-up; the next check-in tries again');
    }
  }

  /** The scheduler found a round-up due: its send record and work item, and next week's round-up filed. */
  async planDue(entry: DueEntry): Promise<void> {
    const settings = await this.deps.teams.getSettings(entry.tenantId, entry.teamId);
    // Turned off (or the team gone) since it was filed: nothing is planned, and nothing filed after it.
    if (!settings || !roundupSettingOf(settings).enabled) return;
    const work: SendWork = { kind: 'roundup', tenantId: entry.tenantId, userId: entry.teamId, teamId: entry.teamId, cycle: entry.cycle };
    await this.deps.sends.createIfAbsent({ ...work, dueAt: entry.dueAt });
    // Enqueued on every pass over this minute: a duplicate message finds the record already sent.
    await this.deps.queue.send(work);
    await this.file(settings, new Date(entry.dueAt));
  }

  /** What the send worker posts for a round-up's record, read before it claims the send. */
  async deliveryOf(record: Pick<SendRecord, 'tenantId' | 'teamId' | 'cycle' | 'dueAt'>): Promise<RoundupDelivery> {
    if (this.deps.clock().getTime() - Date.parse(record.dueAt) > ROUNDUP_LATE_MS) return 'skipped';
    const settings = await this.deps.teams.getSettings(record.tenantId, record.teamId);
    if (!settings || !roundupSettingOf(settings).enabled || !settings.sharesChannelId) return 'skipped';
    const channel = (await this.deps.conversations.listFor(record.tenantId, 'channel', record.teamId))[0];
    if (!channel) return 'later';
    const roundup = await this.roundupFor(settings, record.cycle);
    if (!roundup) return 'skipped';
    return {
      target: {
        tenantId: record.tenantId,
        userId: record.teamId,
        teamsUserId: '',
        serviceUrl: channel.serviceUrl,
        reference: channel.reference,
        channelId: settings.sharesChannelId,
        // Everyone in the channel reads one copy, in the team's language.
        locale: settings.locale,
      },
      message: { kind: 'weekly-roundup', roundup },
      conversationId: settings.sharesChannelId,
    };
  }

  /**
   * The team's round-up of a week: its shares made that week (one range read of the feed's
   * pointers, then each share by key), and who logged learning from the dashboard's rollups,
   * streamed a page at a time. Undefined when nobody shared, and then the rollups are not read.
   */
  async roundupFor(settings: TeamSettings, week: string): Promise<WeeklyRoundup | undefined> {
    const { tenantId, teamId } = settings;
    const zone = settings.schedule?.timeZone ?? 'UTC';
    const ids = await this.deps.shares.sharedSince(tenantId, teamId, weekSpan(week, zone).start);
    const found = await inBatches(ids, READS_IN_FLIGHT, (shareId) => this.deps.shares.get(tenantId, teamId, shareId));
    const shares = found.flatMap((s) => (s ? [s.share] : []));
    const input = { teamName: settings.name, week, zone, shares };
    if (!roundupOf({ ...input, learners: { people: 0, minutes: 0 } })) return undefined;
    let learners = { people: 0, minutes: 0 };
    for await (const row of this.deps.rollups.streamTeam(tenantId, teamId)) learners = countLearner(learners, row.decode(), week);
    return roundupOf({ ...input, learners });
  }

  /**
   * The posted round-ups that listed shares now erased, each as it reads without them (or, with no
   * share of its week left, as removed): the eraser updates them in the channel. Call once the
   * shares are deleted.
   */
  async updatesAfterRemoving(
    shares: readonly Pick<Share, 'tenantId' | 'teamId' | 'createdAt'>[],
  ): Promise<Array<{ post: ChannelPost & { activityId: string }; message: OutboundMessage }>> {
    const weeks = new Map<string, { settings: TeamSettings; week: string }>();
    for (const share of shares) {
      const settings = await this.deps.teams.getSettings(share.tenantId, share.teamId);
      if (!settings?.sharesChannelId) continue;
      const week = weekKeyOf(share.createdAt, settings.schedule?.timeZone ?? 'UTC');
      weeks.set(`${share.teamId}\n${week}`, { settings, week });
    }
    const updates: Array<{ post: ChannelPost & { activityId: string }; message: OutboundMessage }> = [];
    for (const { settings, week } of weeks.values()) {
      const record = await this.deps.sends.get(settings.tenantId, settings.teamId, week, 'roundup');
      if (record?.status !== 'sent' || !record.activityId) continue;
      const roundup = await this.roundupFor(settings, week);
      updates.push({
        post: { tenantId: settings.tenantId, teamId: settings.teamId, channelId: settings.sharesChannelId!, activityId: record.activityId },
        message: roundup ? { kind: 'weekly-roundup', roundup } : { kind: 'share-removed' },
      });
    }
    return updates;
  }

  private async file(settings: TeamSettings, after: Date): Promise<void> {
    const slot = nextRoundup(roundupSettingOf(settings), settings.schedule?.timeZone ?? 'UTC', after);
    await this.deps.dueIndex.putRoundup({
      minute: minuteKey(slot.dueAt),
      tenantId: settings.tenantId,
      teamId: settings.teamId,
      cycle: slot.week,
      dueAt: slot.dueAt.toISOString(),
    });
  }
}

function teamKey(tenantId: string, teamId: string): string {
  return `${tenantId}\n${teamId}`;
}

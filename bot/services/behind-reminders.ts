import { FOLLOW_UP_EXPECTED_DAYS, type FollowUp } from '../contract/follow-up-rules.js';
import { nextBehindSlot, overdueFor } from '../domain/lead-expectation.js';
import { minuteKey, type DueEntry, type DueIndexStore } from '../store/due-index-store.js';
import type { FollowUpStore } from '../store/follow-up-store.js';
import type { SendRecord, SendStore } from '../store/send-store.js';
import type { TeamStore } from '../store/team-store.js';
import type { UserStore } from '../store/user-store.js';
import type { WorkQueue } from '../store/work-queue.js';
import type { Clock } from './learner.js';
import type { OutboundMessage } from './outbound-message.js';
import type { SendWork } from './send-work.js';

/** The oldest follow-ups a weekly reminder shows, each with Close; the tab lists the rest. */
export const BEHIND_SHOWN = 3;
/** A team's open follow-ups read at most, as the leads' list reads them. */
const OPEN_READ = 500;

/**
 * Leads who fall behind what L&D asks get one reminder a week (domain/lead-expectation.ts says
 * when a lead is behind). Each lead has one entry in the due index for their next weekly slot,
 * filed when a follow-up of theirs is opened (for the first slot after it would be overdue) and
 * filed again for the next week each time the slot finds them still behind: once nothing is
 * overdue the chain stops, and the next follow-up to open starts it again. The week is the send's
 * cycle, so however often a week's slot is filed, planned or its message delivered, one card goes.
 */
export class BehindReminders {
  constructor(
    private readonly deps: {
      followUps: Pick<FollowUpStore, 'listTeam'>;
      teams: Pick<TeamStore, 'teamsOf' | 'getMember' | 'getSettings'>;
      users: Pick<UserStore, 'get'>;
      dueIndex: Pick<DueIndexStore, 'putReminder'>;
      sends: Pick<SendStore, 'createIfAbsent'>;
      queue: Pick<WorkQueue<SendWork>, 'send'>;
      /** The tenant's L&D setting: how many days a follow-up may wait (FOLLOW_UP_EXPECTED_DAYS unless set). */
      expectations?: { followUpDays(tenantId: string): Promise<number> };
      /** Where the tab lists a team's follow-ups, when the service knows. */
      tabUrl?: (teamId: string) => string | undefined;
      clock: Clock;
    },
  ) {}

  /** Files the lead's first weekly slot after `after` (in the lead's time zone); filing the same week again changes nothing. */
  async file(tenantId: string, leadId: string, teamId: string, after: Date): Promise<void> {
    const zone = (await this.deps.users.get(tenantId, leadId))?.timeZone;
    const slot = nextBehindSlot(zone, after);
    await this.deps.dueIndex.putReminder(
      { minute: minuteKey(slot.dueAt), tenantId, userId: leadId, teamId, cycle: slot.week, dueAt: slot.dueAt.toISOString() },
      'behind-reminder',
    );
  }

  /** A lead's slot fell due: if they are behind, their week's one send is recorded and queued, and next week's slot filed. */
  async planDue(entry: DueEntry): Promise<void> {
    const overdue = await this.overdue(entry.tenantId, entry.userId);
    if (overdue.length === 0) return;
    const teamId = overdue[0]!.followUp.teamId;
    const work: SendWork = { kind: 'behind-reminder', tenantId: entry.tenantId, userId: entry.userId, cycle: entry.cycle, teamId };
    await this.deps.sends.createIfAbsent({ ...work, dueAt: entry.dueAt });
    // Queued on every pass over the slot: a duplicate message finds the record already sent.
    await this.deps.queue.send(work);
    await this.file(entry.tenantId, entry.userId, teamId, new Date(entry.dueAt));
  }

  /** The card a send stands for, read when it goes; undefined once the lead is no longer behind. */
  async messageFor(record: Pick<SendRecord, 'tenantId' | 'userId'>): Promise<OutboundMessage | undefined> {
    const expectedDays = await this.expectedDays(record.tenantId);
    const overdue = await this.overdue(record.tenantId, record.userId, expectedDays);
    if (overdue.length === 0) return undefined;
    return {
      kind: 'behind-reminder',
      overdue: overdue.length,
      expectedDays,
      oldest: overdue.slice(0, BEHIND_SHOWN),
      tabUrl: this.deps.tabUrl?.(overdue[0]!.followUp.teamId),
    };
  }

  /** The lead's overdue follow-ups in every team they lead now, oldest first. */
  private async overdue(tenantId: string, leadId: string, days?: number): Promise<{ followUp: FollowUp; teamName: string | undefined }[]> {
    const expectedDays = days ?? (await this.expectedDays(tenantId));
    const now = this.deps.clock();
    const teamIds = await this.deps.teams.teamsOf(tenantId, leadId);
    const perTeam = await Promise.all(
      teamIds.map(async (teamId) => {
        const member = await this.deps.teams.getMember(tenantId, teamId, leadId);
        if (member?.role !== 'lead') return [];
        const overdue = overdueFor(leadId, await this.deps.followUps.listTeam(tenantId, teamId, 'open', OPEN_READ), now, expectedDays);
        if (overdue.length === 0) return [];
        const teamName = (await this.deps.teams.getSettings(tenantId, teamId))?.name;
        return overdue.map((followUp) => ({ followUp, teamName }));
      }),
    );
    return perTeam.flat().sort((a, b) => Date.parse(a.followUp.openedAt) - Date.parse(b.followUp.openedAt));
  }

  private async expectedDays(tenantId: string): Promise<number> {
    return (await this.deps.expectations?.followUpDays(tenantId)) ?? FOLLOW_UP_EXPECTED_DAYS;
  }
}

import { DateTime } from 'luxon';
import { leadsOfTeamMaySee, withdrawsShare } from '../domain/entry-visibility.js';
import { validateEntryEdit, type EntryEditErrors } from '../domain/entry-edit.js';
import { withEditedResult } from '../domain/follow-through.js';
import type { FollowUpService } from './follow-up-service.js';
import type { CheckInField } from '../domain/check-in-submission.js';
import type { LearningEntry } from '../contract/learning-entry.js';
import type { EntryPage, EntryStore } from '../store/entry-store.js';
import type { TeamStore } from '../store/team-store.js';
import { NotAllowedError, NotFoundError } from '../domain/errors.js';
import type { Clock, Learner } from './learner.js';
import type { RollupService } from './rollup-service.js';
import type { SharingService } from './sharing-service.js';
import type { XapiRecorder } from './xapi-recorder.js';
import type { AuditLog } from './audit-log.js';

/** The fields an edit names: text, a number, or null to clear an optional one. The router checks their types. */
export type EntryChanges = Partial<Record<CheckInField, string | number | null>>;

export const MAX_PAGE_SIZE = 100;

/** A page of a member's log as their lead sees it, with the member's name for the page that shows it. */
export interface MemberEntryPage extends EntryPage {
  member: { displayName: string };
}

export type EditResult =
  { status: 'saved'; entry: LearningEntry } | { status: 'invalid'; errors: EntryEditErrors } | { status: 'not_found' };

/** A learner's own log; callers can only ever name themselves, except a lead reading what a member let leads see. */
export class LearningLogService {
  constructor(
    private readonly deps: {
      entries: EntryStore;
      teams?: Pick<TeamStore, 'getMember'>;
      rollups?: RollupService;
      sharing?: Pick<SharingService, 'withdrawEntry' | 'entryEdited'>;
      xapi?: Pick<XapiRecorder, 'entryDeleted'>;
      /** A result written here makes the nudges the learner was sent count as followed through. */
      followUps?: Pick<FollowUpService, 'resultRecorded'>;
      audit: AuditLog;
      clock: Clock;
    },
  ) {}

  listMine(learner: Learner, options: { limit: number; cursor?: string }): Promise<EntryPage> {
    return this.deps.entries.listForUser(learner.tenantId, learner.userId, pageOf(options));
  }

  /**
   * A member's entries as their team's lead may see them: only those written since the member
   * joined this team (bounded in the query, so pages stay full), and never one they kept to
   * themselves (filtered after, which can leave a page short; the cursor still leads on).
   */
  async listForLead(
    lead: Learner,
    teamId: string,
    memberId: string,
    options: { limit: number; cursor?: string },
  ): Promise<MemberEntryPage> {
    const teams = this.deps.teams;
    if (!teams) throw new Error('The leads’ view needs the team store');
    const [caller, member] = await Promise.all([
      teams.getMember(lead.tenantId, teamId, lead.userId),
      teams.getMember(lead.tenantId, teamId, memberId),
    ]);
    if (!caller || caller.role !== 'lead') throw new NotAllowedError('Only the team’s leads can read its members’ learning.');
    if (!member) throw new NotFoundError('There is no such member in this team.');
    // Recorded before anything is read: no lead reads a member's log unaccounted for (audit-service.ts).
    await this.deps.audit.record({
      tenantId: lead.tenantId,
      kind: 'member_entries_viewed',
      actor: { userId: lead.userId, displayName: caller.displayName },
      subject: { userId: memberId, displayName: member.displayName },
      teamId,
    });
    const page = await this.deps.entries.listForUser(lead.tenantId, memberId, { ...pageOf(options), since: new Date(member.joinedAt) });
    return {
      entries: page.entries.filter((e) => leadsOfTeamMaySee(e.visibility, e.createdAt, member.joinedAt)),
      nextCursor: page.nextCursor,
      member: { displayName: member.displayName },
    };
  }

  /** Changes the fields given; a bad edit changes nothing and says what is wrong with each field. */
  async editMine(learner: Learner, entryId: string, edit: EntryChanges): Promise<EditResult> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const found = await this.deps.entries.getOwn(learner.tenantId, learner.userId, entryId);
      if (!found) return { status: 'not_found' };
      const validation = validateEntryEdit(found.entry, edit);
      if (!validation.ok) return { status: 'invalid', errors: validation.errors };
      // A result written here answers the action too, as one told at a check-in does.
      const edited = withEditedResult(found.entry, validation.entry, this.deps.clock());
      if (await this.deps.entries.replace(edited, found.etag)) {
        // Taken back from the team: its share is withdrawn, as for a deleted entry; otherwise the share follows the edit.
        const shares = withdrawsShare(found.entry.visibility, validation.entry.visibility)
          ? this.deps.sharing?.withdrawEntry(learner, entryId)
          : this.deps.sharing?.entryEdited(learner, edited);
        await Promise.all([this.deps.rollups?.entryChanged(learner, edited.createdAt), shares]);
        if (edited.result && !found.entry.result) await this.deps.followUps?.resultRecorded(learner, this.deps.clock());
        return { status: 'saved', entry: edited };
      }
      // Changed since we read it (another tab, the bot recording a result): apply the edit to the new version.
    }
    throw new Error('The entry kept changing while it was being edited');
  }

  async deleteMine(learner: Learner, entryId: string): Promise<boolean> {
    const found = await this.deps.entries.getOwn(learner.tenantId, learner.userId, entryId);
    if (!found || !(await this.deps.entries.remove(learner.tenantId, learner.userId, found.entry))) return false;
    // A deleted entry takes its share with it: the channel's card says it was withdrawn.
    await Promise.all([
      this.deps.rollups?.entryChanged(learner, found.entry.createdAt),
      this.deps.sharing?.withdrawEntry(learner, entryId),
      this.deps.xapi?.entryDeleted(found.entry),
    ]);
    return true;
  }

  /** Entries and minutes in the learner's current calendar month, in their own time zone. */
  async monthOf(learner: Learner, zone: string): Promise<{ month: string; entries: number; minutes: number }> {
    const now = DateTime.fromJSDate(this.deps.clock()).setZone(zone);
    const start = now.startOf('month');
    const entries = await this.deps.entries.listBetween(
      learner.tenantId,
      learner.userId,
      start.toJSDate(),
      start.plus({ months: 1 }).toJSDate(),
    );
    return { month: start.toFormat('yyyy-MM'), entries: entries.length, minutes: entries.reduce((n, e) => n + (e.minutes ?? 0), 0) };
  }
}

/** A page as asked for, its size kept within bounds. */
function pageOf(options: { limit: number; cursor?: string }): { limit: number; cursor?: string } {
  return { limit: Math.min(Math.max(options.limit, 1), MAX_PAGE_SIZE), ...(options.cursor ? { cursor: options.cursor } : {}) };
}

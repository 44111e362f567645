import { type TableClient, odata } from '@azure/data-tables';
import type { FollowUpWhy } from '../contract/dashboard-view.js';
import type { FollowUp } from '../contract/follow-up-rules.js';
import type { FollowUpAnswer } from '../contract/nudge-rules.js';
import { keyOf, prefixEnd } from './keys.js';
import { deleteMadeBefore } from './row-deletes.js';
import { createOnce, getOrUndefined, listAcrossTenant, updateIfUnchanged } from './table-ops.js';

type FollowUpEntity = {
  partitionKey: string;
  rowKey: string;
  followUpId: string;
  learnerId: string;
  learnerName: string;
  answer: string;
  nudgedById: string;
  nudgedByName: string;
  nudgeNote?: string;
  reason?: string;
  /** FollowUpWhy as JSON. */
  why?: string;
  openedAt: string;
  status: 'open' | 'closed';
  closedById?: string;
  closedByName?: string;
  closeNote?: string;
  closedAt?: string;
};

/** Follow-ups sit beside the nudges they came from, in the team's partition of the nudges table, under their own prefix. */
export const FOLLOW_UP = 'f';

/**
 * Follow-ups, one partition per team (the team's leads share them): a lead's open follow-ups of a
 * team are one partition read. The row key is the nudge's id, so answering twice opens one.
 */
export class FollowUpStore {
  constructor(private readonly table: TableClient) {}

  /** Opens the follow-up unless it exists; false when it did (a repeated answer). */
  async open(f: Omit<FollowUp, 'closed'> & { tenantId: string }): Promise<boolean> {
    const entity: FollowUpEntity = {
      partitionKey: keyOf(f.tenantId, f.teamId),
      rowKey: keyOf(FOLLOW_UP, f.followUpId),
      followUpId: f.followUpId,
      learnerId: f.learnerId,
      learnerName: f.learnerName,
      answer: f.answer,
      nudgedById: f.nudgedBy.userId,
      nudgedByName: f.nudgedBy.displayName,
      ...(f.nudgeNote ? { nudgeNote: f.nudgeNote } : {}),
      ...(f.reason ? { reason: f.reason } : {}),
      ...(f.why ? { why: JSON.stringify(f.why) } : {}),
      openedAt: f.openedAt,
      status: 'open',
    };
    return (await createOnce(this.table, entity)).kind === 'created';
  }

  async get(tenantId: string, teamId: string, followUpId: string): Promise<{ followUp: FollowUp; etag: string } | undefined> {
    const e = await getOrUndefined<FollowUpEntity>(this.table, keyOf(tenantId, teamId), keyOf(FOLLOW_UP, followUpId));
    return e ? { followUp: fromEntity(teamId, e), etag: e.etag } : undefined;
  }

  /** Closes it if unchanged since read; false when someone else changed (closed) it meanwhile. */
  async close(tenantId: string, followUp: FollowUp, etag: string, closed: NonNullable<FollowUp['closed']>): Promise<boolean> {
    const row = {
      partitionKey: keyOf(tenantId, followUp.teamId),
      rowKey: keyOf(FOLLOW_UP, followUp.followUpId),
      status: 'closed',
      closedById: closed.by.userId,
      closedByName: closed.by.displayName,
      closeNote: closed.note,
      closedAt: closed.at,
    };
    return (await updateIfUnchanged(this.table, row, 'Merge', etag)).kind === 'written';
  }

  /** The team's follow-ups in one state, newest nudge first (ids begin with a newest-first time key), at most `limit`. */
  async listTeam(tenantId: string, teamId: string, status: 'open' | 'closed', limit: number): Promise<FollowUp[]> {
    const rows = this.table
      .listEntities<FollowUpEntity>({
        queryOptions: {
          filter: odata`PartitionKey eq ${keyOf(tenantId, teamId)} and RowKey gt ${`${FOLLOW_UP}|`} and RowKey lt ${prefixEnd(FOLLOW_UP)} and status eq ${status}`,
        },
      })
      .byPage({ maxPageSize: Math.min(limit, 1000) });
    const found: FollowUp[] = [];
    for await (const page of rows) {
      found.push(...page.map((e) => fromEntity(teamId, e)));
      if (found.length >= limit) break;
    }
    return found.slice(0, limit);
  }

  /** The follow-ups the person's answers opened, in every team of the tenant: their export. */
  async listForLearner(tenantId: string, learnerId: string): Promise<FollowUp[]> {
    return listAcrossTenant<FollowUpEntity, FollowUp>(this.table, tenantId, FOLLOW_UP, odata`learnerId eq ${learnerId}`, (e, teamId) =>
      fromEntity(teamId, e),
    );
  }

  /** The tenant's follow-ups whose lead part names the person: the nudge that opened them, or the close. */
  async listNamingLead(tenantId: string, userId: string): Promise<{ followUp: FollowUp; etag: string }[]> {
    return listAcrossTenant<FollowUpEntity, { followUp: FollowUp; etag: string }>(
      this.table,
      tenantId,
      FOLLOW_UP,
      odata`(nudgedById eq ${userId} or closedById eq ${userId})`,
      (e, teamId) => ({ followUp: fromEntity(teamId, e), etag: e.etag }),
    );
  }

  /**
   * Puts someone else wherever the person stands as its lead (who nudged, who closed) if unchanged
   * since read; false if it changed or went meanwhile. The learner's side and the note stay theirs.
   */
  async replaceLead(
    tenantId: string,
    followUp: FollowUp,
    etag: string,
    userId: string,
    lead: { id: string; name: string },
  ): Promise<boolean> {
    const row = {
      partitionKey: keyOf(tenantId, followUp.teamId),
      rowKey: keyOf(FOLLOW_UP, followUp.followUpId),
      ...(followUp.nudgedBy.userId === userId ? { nudgedById: lead.id, nudgedByName: lead.name } : {}),
      ...(followUp.closed?.by.userId === userId ? { closedById: lead.id, closedByName: lead.name } : {}),
    };
    return (await updateIfUnchanged(this.table, row, 'Merge', etag)).kind === 'written';
  }

  /** Deletes every team's follow-ups opened from nudges sent before `cutoff`: their ids are the nudges', newest first. */
  async removeNudgedBefore(tenantId: string, cutoff: Date): Promise<number> {
    return deleteMadeBefore(this.table, tenantId, FOLLOW_UP, cutoff);
  }
}

function fromEntity(teamId: string, e: FollowUpEntity): FollowUp {
  return {
    teamId,
    followUpId: e.followUpId,
    learnerId: e.learnerId,
    learnerName: e.learnerName,
    answer: e.answer as FollowUpAnswer,
    nudgedBy: { userId: e.nudgedById, displayName: e.nudgedByName },
    nudgeNote: e.nudgeNote || null,
    reason: e.reason || null,
    ...(e.why ? { why: whyOf(e.why) } : {}),
    openedAt: e.openedAt,
    closed:
      e.status === 'closed' && e.closedAt
        ? { by: { userId: e.closedById ?? '', displayName: e.closedByName ?? '' }, note: e.closeNote ?? '', at: e.closedAt }
        : null,
  };
}

function whyOf(stored: string): FollowUpWhy | null {
  try {
    const why = JSON.parse(stored) as unknown;
    return typeof why === 'object' && why !== null && typeof (why as { kind?: unknown }).kind === 'string' ? (why as FollowUpWhy) : null;
  } catch {
    return null;
  }
}

import { type TableClient, odata } from '@azure/data-tables';
import type { FollowUpWhy } from '../contract/dashboard-view.js';
import type { Nudge, NudgeAnswer } from '../contract/nudge-rules.js';
import { keyOf, newestFirstTimeKey, prefixEnd } from './keys.js';
import { deleteMadeBefore } from './row-deletes.js';
import { FOLLOW_UP } from './follow-up-store.js';
import { deleteIfPresent, getOrUndefined, listAcrossTenant, updateIfPresent, updateIfUnchanged } from './table-ops.js';

type NudgeEntity = {
  partitionKey: string;
  rowKey: string;
  nudgeId: string;
  learnerId: string;
  learnerName: string;
  leadId: string;
  leadName: string;
  note?: string;
  reason?: string;
  /** FollowUpWhy as JSON. */
  why?: string;
  flaggedSince?: string;
  sentAt: string;
  delivered: boolean;
  replyAnswer?: string;
  repliedAt?: string;
  closedAt?: string;
  resultAt?: string;
};

const NUDGE = 'n';

/**
 * Leads' nudges, one partition per team, newest first (the id starts with a newest-first time
 * key): a lead's follow-up history is one range read, and a reply finds its nudge by id.
 */
export class NudgeStore {
  constructor(private readonly table: TableClient) {}

  async create(nudge: Nudge): Promise<void> {
    await this.table.createEntity(toEntity(nudge));
  }

  async get(tenantId: string, teamId: string, nudgeId: string): Promise<{ nudge: Nudge; etag: string } | undefined> {
    const e = await getOrUndefined<NudgeEntity>(this.table, keyOf(tenantId, teamId), keyOf(NUDGE, nudgeId));
    return e ? { nudge: fromEntity(tenantId, teamId, e), etag: e.etag } : undefined;
  }

  async setDelivered(nudge: Nudge, delivered: boolean): Promise<void> {
    await this.table.updateEntity(
      { partitionKey: keyOf(nudge.tenantId, nudge.teamId), rowKey: keyOf(NUDGE, nudge.nudgeId), delivered },
      'Merge',
    );
  }

  /** Records the learner's answer if the nudge is unchanged since read; false if it changed or went meanwhile. */
  async setReply(nudge: Nudge, etag: string, answer: NudgeAnswer, at: string): Promise<boolean> {
    const row = {
      partitionKey: keyOf(nudge.tenantId, nudge.teamId),
      rowKey: keyOf(NUDGE, nudge.nudgeId),
      replyAnswer: answer,
      repliedAt: at,
    };
    return (await updateIfUnchanged(this.table, row, 'Merge', etag)).kind === 'written';
  }

  /** Marks the follow-up the nudge's answer opened as closed (a merge: closing twice keeps the later time, which no figure reads twice). */
  async setClosed(tenantId: string, teamId: string, nudgeId: string, at: string): Promise<boolean> {
    return updateIfPresent(this.table, { partitionKey: keyOf(tenantId, teamId), rowKey: keyOf(NUDGE, nudgeId), closedAt: at }, 'Merge');
  }

  /** Marks that the learner recorded a result after the nudge; the first result is the one kept. */
  async setResult(nudge: Nudge, at: string): Promise<boolean> {
    if (nudge.resultAt) return false;
    return updateIfPresent(
      this.table,
      { partitionKey: keyOf(nudge.tenantId, nudge.teamId), rowKey: keyOf(NUDGE, nudge.nudgeId), resultAt: at },
      'Merge',
    );
  }

  /** Nudges naming the person (learner or lead) across the tenant's teams, each with its ETag. */
  async listNaming(tenantId: string, userId: string): Promise<{ nudge: Nudge; etag: string }[]> {
    return listAcrossTenant<NudgeEntity, { nudge: Nudge; etag: string }>(
      this.table,
      tenantId,
      NUDGE,
      odata`(learnerId eq ${userId} or leadId eq ${userId})`,
      (e, teamId) => ({ nudge: fromEntity(tenantId, teamId, e), etag: e.etag }),
    );
  }

  /** Deletes the nudge and the follow-up its answer opened, if any (store/follow-up-store.ts keeps it beside the nudge). */
  async remove(nudge: Nudge): Promise<void> {
    await deleteIfPresent(this.table, keyOf(nudge.tenantId, nudge.teamId), keyOf(NUDGE, nudge.nudgeId));
    await deleteIfPresent(this.table, keyOf(nudge.tenantId, nudge.teamId), keyOf(FOLLOW_UP, nudge.nudgeId));
  }

  /** Puts someone else in the lead's place if the nudge is unchanged since read; false if it changed or went meanwhile. */
  async replaceLead(nudge: Nudge, etag: string, lead: { id: string; name: string }): Promise<boolean> {
    const row = {
      partitionKey: keyOf(nudge.tenantId, nudge.teamId),
      rowKey: keyOf(NUDGE, nudge.nudgeId),
      leadId: lead.id,
      leadName: lead.name,
    };
    return (await updateIfUnchanged(this.table, row, 'Merge', etag)).kind === 'written';
  }

  /** Deletes every team's nudges sent before `cutoff`: ids start newest first, so one key range per team. */
  async removeSentBefore(tenantId: string, cutoff: Date): Promise<number> {
    return deleteMadeBefore(this.table, tenantId, NUDGE, cutoff);
  }

  /** The team's nudges, newest first; with `sentSince`, only those sent from then on. */
  async listTeam(tenantId: string, teamId: string, limit: number, sentSince?: Date): Promise<Nudge[]> {
    const from = `${NUDGE}|`;
    // Ids begin with a newest-first time key: everything sent at or after `sentSince` sorts below the key of a millisecond before.
    const to = sentSince ? keyOf(NUDGE, newestFirstTimeKey(new Date(sentSince.getTime() - 1))) : prefixEnd(NUDGE);
    const rows = this.table
      .listEntities<NudgeEntity>({
        queryOptions: { filter: odata`PartitionKey eq ${keyOf(tenantId, teamId)} and RowKey ge ${from} and RowKey lt ${to}` },
      })
      .byPage({ maxPageSize: Math.min(limit, 1000) });
    const nudges: Nudge[] = [];
    for await (const page of rows) {
      nudges.push(...page.map((e) => fromEntity(tenantId, teamId, e)));
      if (nudges.length >= limit) break;
    }
    return nudges.slice(0, limit);
  }
}

function toEntity(n: Nudge): NudgeEntity {
  return {
    partitionKey: keyOf(n.tenantId, n.teamId),
    rowKey: keyOf(NUDGE, n.nudgeId),
    nudgeId: n.nudgeId,
    learnerId: n.learnerId,
    learnerName: n.learnerName,
    leadId: n.leadId,
    leadName: n.leadName,
    ...(n.note ? { note: n.note } : {}),
    ...(n.reason ? { reason: n.reason } : {}),
    ...(n.why ? { why: JSON.stringify(n.why) } : {}),
    ...(n.flaggedSince ? { flaggedSince: n.flaggedSince } : {}),
    sentAt: n.sentAt,
    delivered: n.delivered,
    ...(n.reply ? { replyAnswer: n.reply.answer, repliedAt: n.reply.at } : {}),
    ...(n.closedAt ? { closedAt: n.closedAt } : {}),
    ...(n.resultAt ? { resultAt: n.resultAt } : {}),
  };
}

function fromEntity(tenantId: string, teamId: string, e: NudgeEntity): Nudge {
  return {
    tenantId,
    teamId,
    nudgeId: e.nudgeId,
    learnerId: e.learnerId,
    learnerName: e.learnerName,
    leadId: e.leadId,
    leadName: e.leadName,
    note: e.note || null,
    reason: e.reason || null,
    ...(e.why ? { why: whyOf(e.why) } : {}),
    flaggedSince: e.flaggedSince || null,
    sentAt: e.sentAt,
    delivered: e.delivered === true,
    reply: e.replyAnswer && e.repliedAt ? { answer: e.replyAnswer as NudgeAnswer, at: e.repliedAt } : null,
    ...(e.closedAt ? { closedAt: e.closedAt } : {}),
    ...(e.resultAt ? { resultAt: e.resultAt } : {}),
  };
}

/** The stored reason as data; an unreadable one is left out, and the English reason still says it. */
function whyOf(stored: string | undefined): FollowUpWhy | null {
  if (!stored) return null;
  try {
    const why = JSON.parse(stored) as unknown;
    return typeof why === 'object' && why !== null && typeof (why as { kind?: unknown }).kind === 'string' ? (why as FollowUpWhy) : null;
  } catch {
    return null;
  }
}

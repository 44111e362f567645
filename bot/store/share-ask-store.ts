import { type TableClient, odata } from '@azure/data-tables';
import type { ShareAskAnswer } from '../contract/share-asks.js';
import { keyOf, tenantPartitions } from './keys.js';
import { deleteMatching } from './row-deletes.js';
import { allOf, createOnce, deleteIfPresent, getOrUndefined, listAcrossTenant, rowKeysUnder, updateIfUnchanged } from './table-ops.js';

/** A lead asked a member to share one entry with the team. */
export interface ShareAsk {
  tenantId: string;
  teamId: string;
  leadId: string;
  memberId: string;
  entryId: string;
  askedAt: string;
  answer: ShareAskAnswer | null;
  answeredAt: string | null;
}

interface ShareAskEntity {
  partitionKey: string;
  rowKey: string;
  leadId: string;
  memberId: string;
  entryId: string;
  askedAt: string;
  answer: string;
  answeredAt: string;
}

const ASK = 'a';

/**
 * "Ask to share" requests, one partition per team, keyed lead → member → entry: a lead asks about
 * an entry once (a second ask finds the first), and a lead's figures are one range read.
 */
export class ShareAskStore {
  constructor(private readonly table: TableClient) {}

  /** False when this lead already asked about this entry. */
  async create(ask: ShareAsk): Promise<boolean> {
    return (await createOnce(this.table, toEntity(ask))).kind === 'created';
  }

  async get(tenantId: string, teamId: string, leadId: string, memberId: string, entryId: string): Promise<ShareAsk | undefined> {
    const e = await getOrUndefined<ShareAskEntity>(this.table, keyOf(tenantId, teamId), keyOf(ASK, leadId, memberId, entryId));
    return e ? fromEntity(tenantId, teamId, e) : undefined;
  }

  /**
   * Records the member's answer. Once shared it stays shared (a later "not now" on an old card
   * changes nothing); false when there is no such request.
   */
  async answer(ask: Pick<ShareAsk, 'tenantId' | 'teamId' | 'leadId' | 'memberId' | 'entryId'>, answer: ShareAskAnswer, at: string) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const pk = keyOf(ask.tenantId, ask.teamId);
      const rk = keyOf(ASK, ask.leadId, ask.memberId, ask.entryId);
      const e = await getOrUndefined<ShareAskEntity>(this.table, pk, rk);
      if (!e) return false;
      if (e.answer === 'shared' || e.answer === answer) return true;
      const written = await updateIfUnchanged(this.table, { partitionKey: pk, rowKey: rk, answer, answeredAt: at }, 'Merge', e.etag);
      if (written.kind === 'written') return true;
    }
    return false;
  }

  /** Takes back a request that reached nobody. */
  async remove(ask: Pick<ShareAsk, 'tenantId' | 'teamId' | 'leadId' | 'memberId' | 'entryId'>): Promise<void> {
    await deleteIfPresent(this.table, keyOf(ask.tenantId, ask.teamId), keyOf(ASK, ask.leadId, ask.memberId, ask.entryId));
  }

  /** One lead's requests in one team. */
  async listByLead(tenantId: string, teamId: string, leadId: string): Promise<ShareAsk[]> {
    const rows = this.table.listEntities<ShareAskEntity>({
      queryOptions: { filter: allOf(odata`PartitionKey eq ${keyOf(tenantId, teamId)}`, rowKeysUnder(keyOf(ASK, leadId))) },
    });
    const asks: ShareAsk[] = [];
    for await (const e of rows) asks.push(fromEntity(tenantId, teamId, e));
    return asks;
  }

  /** Every request the person was asked, in every team of the tenant: their export. */
  async listForMember(tenantId: string, memberId: string): Promise<ShareAsk[]> {
    return listAcrossTenant<ShareAskEntity, ShareAsk>(this.table, tenantId, ASK, odata`memberId eq ${memberId}`, (e, teamId) =>
      fromEntity(tenantId, teamId, e),
    );
  }

  /** Erasure: every request the person made or was asked, in every team of the tenant. */
  async removePerson(tenantId: string, userId: string): Promise<number> {
    const { from, to } = tenantPartitions(tenantId);
    return deleteMatching(
      this.table,
      allOf(odata`PartitionKey gt ${from} and PartitionKey lt ${to}`, odata`(leadId eq ${userId} or memberId eq ${userId})`),
    );
  }

  /** Retention: every request of the tenant made before `cutoff`, answered or not. */
  async removeAskedBefore(tenantId: string, cutoff: Date): Promise<number> {
    const { from, to } = tenantPartitions(tenantId);
    return deleteMatching(this.table, odata`PartitionKey gt ${from} and PartitionKey lt ${to} and askedAt lt ${cutoff.toISOString()}`);
  }
}

function toEntity(ask: ShareAsk): ShareAskEntity {
  return {
    partitionKey: keyOf(ask.tenantId, ask.teamId),
    rowKey: keyOf(ASK, ask.leadId, ask.memberId, ask.entryId),
    leadId: ask.leadId,
    memberId: ask.memberId,
    entryId: ask.entryId,
    askedAt: ask.askedAt,
    answer: ask.answer ?? '',
    answeredAt: ask.answeredAt ?? '',
  };
}

function fromEntity(tenantId: string, teamId: string, e: ShareAskEntity): ShareAsk {
  return {
    tenantId,
    teamId,
    leadId: e.leadId,
    memberId: e.memberId,
    entryId: e.entryId,
    askedAt: e.askedAt,
    answer: e.answer === 'shared' || e.answer === 'notNow' ? e.answer : null,
    answeredAt: e.answeredAt || null,
  };
}

import { type TableClient, type TransactionAction, odata } from '@azure/data-tables';
import type { Goal, GoalProgress } from '../contract/goal-rules.js';
import { keyOf, tenantPartitions } from './keys.js';
import { deletePartition } from './row-deletes.js';
import { allOf, deleteIfPresent, getOrUndefined, rowKeysUnder, submitIfUnchanged, updateIfUnchanged } from './table-ops.js';

type GoalEntity = {
  partitionKey: string;
  rowKey: string;
  goalId: string;
  what: string;
  why?: string;
  targetDate: string;
  /** JSON arrays: a goal's links and its progress reports travel with it. */
  resources: string;
  progress: string;
  createdAt: string;
  closedAt?: string;
};

const GOAL = 'g';
/** The reports a goal keeps: enough for any rule that looks back, bounded so the row stays small. */
export const KEPT_PROGRESS = 24;

/** A learner's goals, in their own partition: one read gives every goal they have. */
export class GoalStore {
  constructor(private readonly table: TableClient) {}

  async create(goal: Goal): Promise<void> {
    await this.table.createEntity(toEntity(goal));
  }

  async get(tenantId: string, userId: string, goalId: string): Promise<{ goal: Goal; etag: string } | undefined> {
    const e = await getOrUndefined<GoalEntity>(this.table, keyOf(tenantId, userId), keyOf(GOAL, goalId));
    return e ? { goal: fromEntity(tenantId, userId, e), etag: e.etag } : undefined;
  }

  /** Replaces the goal if unchanged since read; false if it changed meanwhile. */
  async replace(goal: Goal, etag: string): Promise<boolean> {
    return (await updateIfUnchanged(this.table, toEntity(goal), 'Replace', etag)).kind === 'written';
  }

  /**
   * Replaces several of one learner's goals in one transaction (their partition), each only if
   * unchanged since read: all are written, or none (false) when one changed meanwhile. At most
   * 100, a transaction's limit; a check-in answers three.
   */
  async replaceAll(goals: ReadonlyArray<{ goal: Goal; etag: string }>): Promise<boolean> {
    if (goals.length === 0) return true;
    if (goals.length > 100) throw new Error('At most 100 goals are replaced at once');
    return submitIfUnchanged(
      this.table,
      goals.map(({ goal, etag }): TransactionAction => ['update', toEntity(goal), 'Replace', { etag }]),
    );
  }

  /** Erases every goal of the learner (their partition holds nothing else). */
  async removeLearner(tenantId: string, userId: string): Promise<number> {
    return deletePartition(this.table, keyOf(tenantId, userId));
  }

  /** Every goal in the tenant, each with its ETag: retention looks at each one's dates. */
  /** Every goal in the tenant, one storage page in memory at a time. */
  async *streamTenant(tenantId: string): AsyncGenerator<{ goal: Goal; etag: string }> {
    const { from, to } = tenantPartitions(tenantId);
    const rows = this.table.listEntities<GoalEntity>({
      queryOptions: { filter: allOf(odata`PartitionKey gt ${from} and PartitionKey lt ${to}`, rowKeysUnder(GOAL)) },
    });
    for await (const e of rows)
      yield { goal: fromEntity(tenantId, decodeURIComponent(e.partitionKey.slice(from.length)), e), etag: e.etag };
  }

  async remove(goal: Goal): Promise<boolean> {
    return deleteIfPresent(this.table, keyOf(goal.tenantId, goal.userId), keyOf(GOAL, goal.goalId));
  }

  /** Every goal of the learner, oldest first. */
  async listForUser(tenantId: string, userId: string): Promise<Goal[]> {
    return (await this.listWithEtags(tenantId, userId)).map(({ goal }) => goal);
  }

  /** Every goal of the learner with its ETag, oldest first: one read before answering several at once. */
  async listWithEtags(tenantId: string, userId: string): Promise<Array<{ goal: Goal; etag: string }>> {
    const rows = this.table.listEntities<GoalEntity>({
      queryOptions: { filter: allOf(odata`PartitionKey eq ${keyOf(tenantId, userId)}`, rowKeysUnder(GOAL)) },
    });
    const goals: Array<{ goal: Goal; etag: string }> = [];
    for await (const e of rows) goals.push({ goal: fromEntity(tenantId, userId, e), etag: e.etag });
    return goals.sort((a, b) => a.goal.createdAt.localeCompare(b.goal.createdAt));
  }
}

function toEntity(goal: Goal): GoalEntity {
  return {
    partitionKey: keyOf(goal.tenantId, goal.userId),
    rowKey: keyOf(GOAL, goal.goalId),
    goalId: goal.goalId,
    what: goal.what,
    ...(goal.why ? { why: goal.why } : {}),
    targetDate: goal.targetDate,
    resources: JSON.stringify(goal.resources),
    progress: JSON.stringify(goal.progress.slice(-KEPT_PROGRESS)),
    createdAt: goal.createdAt,
    ...(goal.closedAt ? { closedAt: goal.closedAt } : {}),
  };
}

function fromEntity(tenantId: string, userId: string, e: GoalEntity): Goal {
  return {
    goalId: e.goalId,
    tenantId,
    userId,
    what: e.what,
    why: e.why || null,
    targetDate: e.targetDate,
    resources: parseArray<string>(e.resources),
    progress: parseArray<GoalProgress>(e.progress),
    createdAt: e.createdAt,
    closedAt: e.closedAt || null,
  };
}

function parseArray<T>(json: string | undefined): T[] {
  try {
    const value: unknown = JSON.parse(json ?? '[]');
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

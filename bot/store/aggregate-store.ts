import { type TableClient, odata } from '@azure/data-tables';
import type { WeekAggregate } from '../domain/retention.js';
import { keyOf } from './keys.js';
import { allOf, createOnce, rowKeysUnder } from './table-ops.js';

type AggregateEntity = Omit<WeekAggregate, 'week'> & { partitionKey: string; rowKey: string; week: string };

const WEEK = 'w';

/**
 * Anonymous team totals for weeks past retention, one row per team and week: what is left of a
 * week once its members' rollup cells and raw records are gone. No row names a person.
 */
export class AggregateStore {
  constructor(private readonly table: TableClient) {}

  /**
   * Writes a week's totals once; false when they were already written. Never overwritten, so a
   * rerun after a crash (cells partly removed) cannot replace the full sum with a partial one.
   */
  async createOnce(tenantId: string, teamId: string, aggregate: WeekAggregate): Promise<boolean> {
    const entity: AggregateEntity = { partitionKey: keyOf(tenantId, teamId), rowKey: keyOf(WEEK, aggregate.week), ...aggregate };
    return (await createOnce(this.table, entity)).kind === 'created';
  }

  /** A team's folded weeks, oldest first. */
  async listTeam(tenantId: string, teamId: string): Promise<WeekAggregate[]> {
    const rows = this.table.listEntities<AggregateEntity>({
      queryOptions: { filter: allOf(odata`PartitionKey eq ${keyOf(tenantId, teamId)}`, rowKeysUnder(WEEK)) },
    });
    const found: WeekAggregate[] = [];
    for await (const e of rows) {
      found.push({
        week: e.week,
        learners: e.learners,
        entries: e.entries,
        minutes: e.minutes,
        ratingSum: e.ratingSum,
        ratingCount: e.ratingCount,
        insights: e.insights,
        actions: e.actions,
        checkInsResponded: e.checkInsResponded,
        checkInsNothing: e.checkInsNothing,
        checkInsUnanswered: e.checkInsUnanswered,
      });
    }
    return found;
  }
}

import type { EntryPage, EntryStore } from '../store/entry-store.js';
import type { Learner } from './learner.js';

export const MAX_PAGE_SIZE = 100;

/** A learner's own log; callers can only ever name themselves. */
export class LearningLogService {
  constructor(private readonly entries: EntryStore) {}

  listMine(learner: Learner, options: { limit: number; cursor?: string }): Promise<EntryPage> {
    return this.entries.listForUser(learner.tenantId, learner.userId, {
      limit: Math.min(Math.max(options.limit, 1), MAX_PAGE_SIZE),
      ...(options.cursor ? { cursor: options.cursor } : {}),
    });
  }
}

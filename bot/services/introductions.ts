import type { SendStore } from '../store/send-store.js';
import type { WorkQueue } from '../store/work-queue.js';
import type { Clock } from './learner.js';
import type { SendWork } from './send-work.js';

const INTRO_CYCLE = 'intro';

/**
 * Queues each member's personal introduction once: the send record's key has no team or date
 * in it, so joining a second team, a reinstall or a repeated event never says hello twice.
 */
export class Introductions {
  constructor(private readonly deps: { sends: SendStore; queue: WorkQueue<SendWork>; clock: Clock }) {}

  async introduce(tenantId: string, userId: string, teamId: string): Promise<boolean> {
    const work: SendWork = { kind: 'intro', tenantId, userId, cycle: INTRO_CYCLE, teamId };
    const created = await this.deps.sends.createIfAbsent({ ...work, dueAt: this.deps.clock().toISOString() });
    if (!created) {
      // Someone we could not reach before (they had left, or had no chat yet) is tried again.
      const existing = await this.deps.sends.get(tenantId, userId, INTRO_CYCLE, 'intro');
      if (existing?.status !== 'stale' || !(await this.deps.sends.update(existing, { status: 'pending', teamId }))) return false;
    }
    await this.deps.queue.send(work);
    return true;
  }
}

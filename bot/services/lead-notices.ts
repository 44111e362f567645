import { createHash } from 'node:crypto';
import type { SendStore } from '../store/send-store.js';
import type { TeamStore } from '../store/team-store.js';
import type { WorkQueue } from '../store/work-queue.js';
import type { Clock } from './learner.js';
import type { SendWork } from './send-work.js';

/** Writes queued at once: a team of 2,000 is announced in 40 rounds, not 2,000. */
const PARALLEL = 50;

/**
 * Queues, for every other member of a team, a personal message saying who just became its lead
 * and what that lead can read. Each goes through the send queue like a check-in (one record per
 * member, so a repeated call says it once), under the app's one rate limit.
 */
export class LeadNotices {
  constructor(
    private readonly deps: { teams: Pick<TeamStore, 'listMembers'>; sends: SendStore; queue: WorkQueue<SendWork>; clock: Clock },
  ) {}

  async announce(tenantId: string, teamId: string, leadId: string): Promise<number> {
    const at = this.deps.clock().toISOString();
    const cycle = leadNoticeCycle(leadId, at);
    const readers = (await this.deps.teams.listMembers(tenantId, teamId)).filter((m) => m.userId !== leadId);
    let queued = 0;
    for (let i = 0; i < readers.length; i += PARALLEL) {
      await Promise.all(
        readers.slice(i, i + PARALLEL).map(async ({ userId }) => {
          const work: SendWork = { kind: 'lead-notice', tenantId, userId, cycle, teamId };
          if (!(await this.deps.sends.createIfAbsent({ ...work, dueAt: at }))) return;
          await this.deps.queue.send(work);
          queued++;
        }),
      );
    }
    return queued;
  }
}

/**
 * A notice's cycle: the moment the lead was made and a digest of who (made lead again later, they
 * are announced again). The records sit in other people's partitions, so they hold no id of the
 * lead: erasing the lead leaves nothing of them there, and a notice not yet sent then finds no lead.
 */
export function leadNoticeCycle(leadId: string, at: string): string {
  return `${at} ${leadDigest(leadId)}`;
}

/** Whether a notice's cycle is about this lead (ISO times hold no space). */
export function noticeIsAbout(cycle: string, leadId: string): boolean {
  return cycle.slice(cycle.indexOf(' ') + 1) === leadDigest(leadId);
}

function leadDigest(leadId: string): string {
  return createHash('sha256').update(leadId).digest('base64url').slice(0, 22);
}

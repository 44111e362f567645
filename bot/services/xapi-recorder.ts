import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { LearningEntry } from '../contract/learning-entry.js';
import { statementOf, voidingStatementOf, type XapiTeam } from '../domain/xapi/statements.js';
import { partiesOf, type RecordParties, type XapiRecord } from '../domain/xapi/xapi-record.js';
import type { LrsSettingsStore } from '../store/lrs-settings-store.js';
import type { TeamStore } from '../store/team-store.js';
import type { WorkQueue } from '../store/work-queue.js';
import type { XapiOutboxStore } from '../store/xapi-outbox-store.js';
import type { Clock } from './learner.js';
import type { XapiWork } from './xapi-work.js';
import type { LearnerReads } from './learner-reads.js';

/** Told of each thing worth a statement; services call it once the thing is stored. */
export interface XapiRecorder {
  /** `reads`: the acting learner's teams as the work that made the record has read them. */
  record(record: XapiRecord, reads?: LearnerReads): Promise<void>;
  /** The learner deleted an entry: its statement does not leave if it still waits, and is voided if the LRS has it. */
  entryDeleted(entry: LearningEntry): Promise<void>;
}

/** For services built without an LRS in mind (tests, tools). */
export const NO_XAPI: XapiRecorder = { record: async () => undefined, entryDeleted: async () => undefined };

/** How long this instance trusts what it read of a tenant's settings; another instance's change shows within it. */
const SETTINGS_TTL_MS = 30_000;
/** Tenants whose hints (has an LRS? batch already on its way?) one instance keeps. */
const TENANT_HINTS = 20_000;
/** Statements written within this long share one queue message, and so travel in one batch. */
const GATHER_MS = 2_000;

/**
 * Writes each record's statement to the tenant's outbox and asks a worker to send it, when the
 * tenant has an LRS. The user's request waits only for the outbox row and the queue message (side
 * by side); the LRS is called by the worker. A failure here is logged, never the user's problem.
 */
export class OutboxRecorder implements XapiRecorder {
  // Bounded: an instance serving many tenants keeps only the most recent tenants' hints; a
  // forgotten one costs a settings read or an extra queue message, never a wrong answer.
  private readonly configured = new LRUCache<string, { yes: boolean; until: number }>({ max: TENANT_HINTS });
  private readonly gathering = new LRUCache<string, number>({ max: TENANT_HINTS });
  /** Settings reads under way, by tenant: each leaves once answered, so this holds only what is in flight. */
  private readonly asking = new Map<string, Promise<boolean>>();

  constructor(
    private readonly deps: {
      settings: LrsSettingsStore;
      outbox: XapiOutboxStore;
      queue: WorkQueue<XapiWork>;
      teams: TeamStore;
      clock: Clock;
      logger: Logger;
      gatherMs?: number;
    },
  ) {}

  async record(record: XapiRecord, reads?: LearnerReads): Promise<void> {
    const parties = partiesOf(record);
    const { tenantId } = parties;
    try {
      if (!(await this.hasLrs(tenantId))) return;
      const statement = statementOf(record, await this.teamsOf(parties, reads));
      const now = this.deps.clock();
      await Promise.all([
        this.deps.outbox.add(
          tenantId,
          [{ statement, actorId: parties.actorId, instructorId: parties.instructorId, authorId: parties.authorId }],
          now.toISOString(),
        ),
        this.wakeSender(tenantId, now.getTime()),
      ]);
    } catch (error) {
      this.deps.logger.warn({ err: error, kind: record.kind }, 'could not write an xAPI statement to the outbox');
    }
  }

  async entryDeleted(entry: LearningEntry): Promise<void> {
    const { tenantId } = entry;
    try {
      if (!(await this.hasLrs(tenantId))) return;
      const original = statementOf({ kind: 'entry', entry }, []);
      if ((await this.deps.outbox.discard(tenantId, original.id)) !== 'sent') return;
      const now = this.deps.clock();
      await Promise.all([
        this.deps.outbox.add(
          tenantId,
          [{ statement: voidingStatementOf(original, now.toISOString()), actorId: entry.userId, instructorId: undefined }],
          now.toISOString(),
        ),
        this.wakeSender(tenantId, now.getTime()),
      ]);
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'could not take back an xAPI statement');
    }
  }

  /** Forgets what this instance knew of a tenant's settings (they were just changed here). */
  forget(tenantId: string): void {
    this.configured.delete(tenantId);
  }

  private async hasLrs(tenantId: string): Promise<boolean> {
    const known = this.configured.get(tenantId);
    const now = Date.now();
    if (known && known.until > now) return known.yes;
    // One read for the statements of one piece of work asking at once (a check-in's entry and its answered action).
    let asking = this.asking.get(tenantId);
    if (!asking) {
      asking = this.deps.settings
        .get(tenantId)
        .then((settings) => settings !== undefined)
        .finally(() => this.asking.delete(tenantId));
      this.asking.set(tenantId, asking);
    }
    const yes = await asking;
    this.configured.set(tenantId, { yes, until: now + SETTINGS_TTL_MS });
    return yes;
  }

  /** One message per tenant per gathering window, delayed to its end: everything written meanwhile goes in one batch. */
  private async wakeSender(tenantId: string, now: number): Promise<void> {
    const gatherMs = this.deps.gatherMs ?? GATHER_MS;
    if ((this.gathering.get(tenantId) ?? 0) > now) return;
    this.gathering.set(tenantId, now + gatherMs);
    try {
      await this.deps.queue.send({ tenantId, kind: 'send' }, { delaySeconds: Math.ceil(gatherMs / 1000) });
    } catch (error) {
      // The next statement must try again rather than count on a message that was never sent.
      this.gathering.delete(tenantId);
      throw error;
    }
  }

  private async teamsOf({ tenantId, actorId, teamId }: RecordParties, given?: LearnerReads): Promise<XapiTeam[]> {
    const reads = given?.learner.tenantId === tenantId && given.learner.userId === actorId ? given : undefined;
    const teamIds = teamId ? [teamId] : await (reads ? reads.teamIds() : this.deps.teams.teamsOf(tenantId, actorId));
    const settings = await Promise.all(
      teamIds.map((teamId) => (reads ? reads.settings(teamId) : this.deps.teams.getSettings(tenantId, teamId))),
    );
    return teamIds.map((id, i) => ({ teamId: id, name: settings[i]?.name ?? '' }));
  }
}

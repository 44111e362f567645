import { lrsSettingsView, type LrsSettingsInput } from '../domain/xapi/lrs-settings.js';
import type { BackfillAnswer, LrsSettingsView, LrsStatus } from '../contract/lrs-view.js';
import { endpointRefusal, type LrsAllowList } from '../domain/xapi/lrs-allow-list.js';
import type { LrsSettingsStore } from '../store/lrs-settings-store.js';
import type { WorkQueue } from '../store/work-queue.js';
import type { XapiOutboxStore } from '../store/xapi-outbox-store.js';
import type { Clock, Learner } from './learner.js';
import { ConflictError, InvalidInputError, NotAllowedError } from '../domain/errors.js';
import type { XapiWork } from './xapi-work.js';
import type { AuditLog } from './audit-log.js';
import { actorOf } from './audit-service.js';

/**
 * The L&D admin's side of xAPI: where statements go (the secret is written, never read back),
 * how they are doing, and sending the history once.
 */
export class LrsAdminService {
  constructor(
    private readonly deps: {
      admins: { isAdmin(caller: Learner): Promise<boolean> };
      settings: LrsSettingsStore;
      outbox: XapiOutboxStore;
      queue: WorkQueue<XapiWork>;
      /** Told when a tenant's settings change, so this instance stops trusting what it read. */
      settingsChanged: (tenantId: string) => void;
      /** The deployment's say on where statements may go. */
      allowList: LrsAllowList;
      audit: AuditLog;
      clock: Clock;
    },
  ) {}

  async settingsFor(caller: Learner): Promise<LrsSettingsView> {
    await this.requireAdmin(caller);
    return lrsSettingsView(await this.deps.settings.get(caller.tenantId));
  }

  /** Saves the settings (keeping the stored secret when none is given), retries what failed, and sends what waits. */
  async save(caller: Learner & { displayName?: string }, input: LrsSettingsInput): Promise<LrsSettingsView> {
    await this.requireAdmin(caller);
    const refused = endpointRefusal(input.endpoint, this.deps.allowList);
    if (refused) throw new InvalidInputError('LRS settings', { endpoint: refused });
    const stored = await this.deps.settings.get(caller.tenantId);
    const secret = input.secret ?? stored?.secret;
    if (!secret) throw new InvalidInputError('LRS settings', { secret: 'The secret is required the first time' });
    const now = this.deps.clock().toISOString();
    const settings = { endpoint: input.endpoint, key: input.key, secret, updatedAt: now };
    await this.deps.settings.save(caller.tenantId, settings);
    this.deps.settingsChanged(caller.tenantId);
    // Where the statements now go, never the key or secret.
    await this.recordChange(caller, {
      change: 'saved',
      endpointHost: new URL(input.endpoint).host,
      secretChanged: input.secret !== undefined,
    });
    await this.deps.outbox.retryFailed(caller.tenantId, now);
    await this.deps.queue.send({ tenantId: caller.tenantId, kind: 'send' });
    return lrsSettingsView(settings);
  }

  /** Stops sending. Statements already written stay, pending, until an LRS is set again. */
  async remove(caller: Learner & { displayName?: string }): Promise<void> {
    await this.requireAdmin(caller);
    await this.deps.settings.remove(caller.tenantId);
    this.deps.settingsChanged(caller.tenantId);
    await this.recordChange(caller, { change: 'removed' });
  }

  async status(caller: Learner): Promise<LrsStatus> {
    await this.requireAdmin(caller);
    const [settings, summary, backfill] = await Promise.all([
      this.deps.settings.get(caller.tenantId),
      this.deps.outbox.summary(caller.tenantId),
      this.deps.settings.backfill(caller.tenantId),
    ]);
    const { nextDue: _next, ...counts } = summary;
    return { configured: settings !== undefined, ...counts, backfill: backfill ?? null };
  }

  /** Sends the history once: the first call starts it, later ones say how it went. */
  async backfill(caller: Learner & { displayName?: string }): Promise<BackfillAnswer> {
    await this.requireAdmin(caller);
    if (!(await this.deps.settings.get(caller.tenantId)))
      throw new ConflictError('Set up the Learning Record Store first: there is nowhere to send the history.');
    const claim = await this.deps.settings.claimBackfill(caller.tenantId, this.deps.clock().toISOString());
    if (claim.claimed) {
      await this.deps.queue.send({ tenantId: caller.tenantId, kind: 'backfill' });
      // The whole history leaves for the LRS: as much a change of where people's records go as the endpoint.
      await this.recordChange(caller, { change: 'history_sent' });
    }
    return { started: claim.claimed, backfill: claim.marker };
  }

  private async recordChange(caller: Learner & { displayName?: string }, detail: Record<string, string | boolean>): Promise<void> {
    await this.deps.audit.record({ tenantId: caller.tenantId, kind: 'lrs_settings_changed', actor: actorOf(caller), detail });
  }

  private async requireAdmin(caller: Learner): Promise<void> {
    if (!(await this.deps.admins.isAdmin(caller))) throw new NotAllowedError('Only L&D admins can do this.');
  }
}

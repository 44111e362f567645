import {
  DEFAULT_LD_SETTINGS,
  PEOPLE_SEARCH_MAX,
  type Cadence,
  type KnownPerson,
  type LdAdmin,
  type LdSettings,
  type LdSettingsResponse,
} from '../contract/ld-settings.js';
import { NotAllowedError, NotFoundError } from '../domain/errors.js';
import type { AdminStore } from '../store/admin-store.js';
import type { LdSettingsStore } from '../store/ld-settings-store.js';
import type { UserStore } from '../store/user-store.js';
import type { AuditLog } from './audit-log.js';
import { actorOf } from './audit-service.js';
import type { Clock, Learner } from './learner.js';
import type { ReportService } from './report-service.js';

/** How many of a tenant's known people a name search reads at most: the picker names people the app has met. */
const PEOPLE_SCANNED = 5000;

/** A name matches when it, or one of its words, begins with what was typed (any case). */
function nameMatches(displayName: string, typed: string): boolean {
  const name = displayName.toLocaleLowerCase();
  return name.startsWith(typed) || name.split(/\s+/).some((word) => word.startsWith(typed));
}

/**
 * What L&D asks of leaders, set by the tenant's L&D admins: how soon a follow-up is expected, the
 * cadence new teams start with, the response rate the report flags below, and who the admins are.
 * The rest of the service reads the settings through `expectations`; the defaults stand until saved.
 */
export class LdSettingsService {
  constructor(
    private readonly deps: {
      admins: Pick<ReportService, 'isAdmin' | 'addAdmin'>;
      adminList: Pick<AdminStore, 'list'>;
      configured: readonly { tenantId: string; userId: string }[];
      settings: LdSettingsStore;
      users: Pick<UserStore, 'get' | 'listTenant'>;
      audit: AuditLog;
      clock: Clock;
    },
  ) {}

  /** The tenant's settings as the rest of the service applies them: the defaults until L&D saves some. */
  async expectations(tenantId: string): Promise<LdSettings> {
    const stored = await this.deps.settings.get(tenantId);
    if (!stored) return DEFAULT_LD_SETTINGS;
    const { updatedAt: _at, ...settings } = stored;
    return settings;
  }

  async followUpDays(tenantId: string): Promise<number> {
    return (await this.expectations(tenantId)).followUpDays;
  }

  async defaultCadence(tenantId: string): Promise<Cadence> {
    return (await this.expectations(tenantId)).defaultCadence;
  }

  async settingsFor(caller: Learner): Promise<LdSettingsResponse> {
    await this.requireAdmin(caller);
    return this.view(caller.tenantId);
  }

  /** Saves every setting; the audit trail records each one that changed, from what to what. */
  async save(caller: Learner & { displayName?: string }, input: LdSettings): Promise<LdSettingsResponse> {
    await this.requireAdmin(caller);
    const before = await this.expectations(caller.tenantId);
    await this.deps.settings.save(caller.tenantId, input, this.deps.clock().toISOString());
    const detail: Record<string, string | number> = {};
    for (const field of Object.keys(input) as (keyof LdSettings)[]) {
      if (before[field] !== input[field]) {
        detail[`${field}From`] = before[field];
        detail[`${field}To`] = input[field];
      }
    }
    if (Object.keys(detail).length > 0)
      await this.deps.audit.record({ tenantId: caller.tenantId, kind: 'ld_settings_changed', actor: actorOf(caller), detail });
    return this.view(caller.tenantId);
  }

  /** The people the app knows in the caller's tenant whose name begins with `typed`, for the admins' picker. */
  async searchPeople(caller: Learner, typed: string): Promise<KnownPerson[]> {
    await this.requireAdmin(caller);
    const wanted = typed.trim().toLocaleLowerCase();
    if (!wanted) return [];
    const people = await this.deps.users.listTenant(caller.tenantId, PEOPLE_SCANNED);
    return people
      .filter((p) => nameMatches(p.displayName, wanted))
      .sort((a, b) => a.displayName.localeCompare(b.displayName))
      .slice(0, PEOPLE_SEARCH_MAX)
      .map((p) => ({ userId: p.userId, displayName: p.displayName }));
  }

  /** Names someone the app knows in the tenant an L&D admin (recorded as admin_granted); the settings as they now stand. */
  async addAdmin(caller: Learner & { displayName?: string }, userId: string): Promise<LdSettingsResponse> {
    await this.requireAdmin(caller);
    if (!(await this.deps.users.get(caller.tenantId, userId))) throw new NotFoundError('Nobody by that id is known in this organisation.');
    await this.deps.admins.addAdmin(caller, userId);
    return this.view(caller.tenantId);
  }

  private async view(tenantId: string): Promise<LdSettingsResponse> {
    const [stored, named] = await Promise.all([this.deps.settings.get(tenantId), this.deps.adminList.list(tenantId)]);
    const configured = this.deps.configured.filter((a) => a.tenantId === tenantId).map((a) => a.userId);
    const ids = [...new Set([...configured, ...named.map((a) => a.userId)])];
    const admins: LdAdmin[] = await Promise.all(
      ids.map(async (userId) => ({
        userId,
        displayName: (await this.deps.users.get(tenantId, userId))?.displayName ?? null,
        configured: configured.includes(userId),
      })),
    );
    admins.sort((a, b) => (a.displayName ?? a.userId).localeCompare(b.displayName ?? b.userId));
    if (!stored) return { settings: DEFAULT_LD_SETTINGS, updatedAt: null, admins };
    const { updatedAt, ...settings } = stored;
    return { settings, updatedAt, admins };
  }

  private async requireAdmin(caller: Learner): Promise<void> {
    if (!(await this.deps.admins.isAdmin(caller))) throw new NotAllowedError('Only L&D admins can do this.');
  }
}

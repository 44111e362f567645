import { describe, expect, it } from 'vitest';
import { DEFAULT_LD_SETTINGS, type LdSettings } from '../contract/ld-settings.js';
import type { LdSettingsStore } from '../store/ld-settings-store.js';
import type { UserProfile, UserStore } from '../store/user-store.js';
import type { AuditEvent } from './audit-log.js';
import { LdSettingsService } from './ld-settings-service.js';

const TENANT = 't1';
const now = new Date('2026-11-28T12:00:00Z');
const person = (userId: string, displayName: string): UserProfile => ({
  tenantId: TENANT,
  userId,
  displayName,
  updatedAt: now.toISOString(),
});
const PEOPLE = [person('u1', 'Megan Bowen'), person('u2', 'Adele Vance'), person('u3', 'Meghan O’Neil'), person('u4', 'Alex Wilber')];

function serviceWith(admins: string[] = ['u4']) {
  const saved = new Map<string, LdSettings & { updatedAt: string }>();
  const audit: AuditEvent[] = [];
  const settings = {
    get: async (tenantId: string) => saved.get(tenantId),
    save: async (tenantId: string, s: LdSettings, updatedAt: string) => void saved.set(tenantId, { ...s, updatedAt }),
  } as unknown as LdSettingsStore;
  const users = {
    get: async (_t: string, userId: string) => PEOPLE.find((p) => p.userId === userId),
    listTenant: async () => PEOPLE,
  } as unknown as Pick<UserStore, 'get' | 'listTenant'>;
  const service = new LdSettingsService({
    admins: { isAdmin: async (caller) => admins.includes(caller.userId), addAdmin: async () => undefined },
    adminList: { list: async () => [] },
    configured: [{ tenantId: TENANT, userId: 'u4' }],
    settings,
    users,
    audit: { record: async (e) => void audit.push(e) },
    clock: () => now,
  });
  return { service, audit };
}

const admin = { tenantId: TENANT, userId: 'u4', displayName: 'Alex Wilber' };

describe('the L&D settings', () => {
  it('are the defaults, with FOLLOW_UP_EXPECTED_DAYS, until an admin saves some', async () => {
    const { service } = serviceWith();
    expect(await service.expectations(TENANT)).toEqual(DEFAULT_LD_SETTINGS);
    expect(await service.followUpDays(TENANT)).toBe(7);
    expect(await service.defaultCadence(TENANT)).toBe('weekly');
  });

  it('record only the settings that changed, each from what to what', async () => {
    const { service, audit } = serviceWith();
    await service.save(admin, { ...DEFAULT_LD_SETTINGS, flagResponseBelow: 70 });
    await service.save(admin, { ...DEFAULT_LD_SETTINGS, flagResponseBelow: 70 });
    expect(audit).toEqual([
      {
        tenantId: TENANT,
        kind: 'ld_settings_changed',
        actor: { userId: 'u4', displayName: 'Alex Wilber' },
        detail: { flagResponseBelowFrom: 50, flagResponseBelowTo: 70 },
      },
    ]);
    expect(await service.followUpDays(TENANT)).toBe(7);
  });

  it('find known people by the start of their name or of a word of it, in any case, by name', async () => {
    const { service } = serviceWith();
    const names = async (typed: string) => (await service.searchPeople(admin, typed)).map((p) => p.displayName);
    expect(await names('meg')).toEqual(['Megan Bowen', 'Meghan O’Neil']);
    expect(await names('  VAN ')).toEqual(['Adele Vance']);
    expect(await names('egan')).toEqual([]);
    expect(await names(' ')).toEqual([]);
  });

  it('are refused to anyone who is not an admin', async () => {
    const { service } = serviceWith([]);
    await expect(service.settingsFor({ tenantId: TENANT, userId: 'u1' })).rejects.toThrow('Only L&D admins');
    await expect(service.searchPeople({ tenantId: TENANT, userId: 'u1' }, 'meg')).rejects.toThrow('Only L&D admins');
  });
});

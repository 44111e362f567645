import { type TableClient } from '@azure/data-tables';
import type { Cadence, LdSettings } from '../contract/ld-settings.js';
import { keyOf } from './keys.js';
import { getOrUndefined } from './table-ops.js';

type SettingsEntity = {
  partitionKey: string;
  rowKey: string;
  followUpDays: number;
  defaultCadence: Cadence;
  flagResponseBelow: number;
  updatedAt: string;
};

const LD_SETTINGS = 'ld-settings';

/**
 * Each tenant's L&D settings (what is asked of leaders), one row in the tenant's partition of the
 * tenants' settings table the LRS settings live in.
 */
export class LdSettingsStore {
  constructor(private readonly table: TableClient) {}

  async get(tenantId: string): Promise<(LdSettings & { updatedAt: string }) | undefined> {
    const e = await getOrUndefined<SettingsEntity>(this.table, keyOf(tenantId), LD_SETTINGS);
    return e
      ? { followUpDays: e.followUpDays, defaultCadence: e.defaultCadence, flagResponseBelow: e.flagResponseBelow, updatedAt: e.updatedAt }
      : undefined;
  }

  async save(tenantId: string, settings: LdSettings, updatedAt: string): Promise<void> {
    const entity: SettingsEntity = { partitionKey: keyOf(tenantId), rowKey: LD_SETTINGS, ...settings, updatedAt };
    await this.table.upsertEntity(entity, 'Replace');
  }
}

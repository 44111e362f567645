import { DEFAULT_LD_SETTINGS, type LdSettings } from '../contract/ld-settings.js';
import { DEMO_TENANT_ID } from './demo-team.js';
import type { LdSettingsStore } from '../store/ld-settings-store.js';

/**
 * What the demo organisation's L&D asks of leaders: follow up within the usual week, new teams
 * weekly, and a team flagged when it answers fewer than 60% of its check-ins (stricter than the
 * default half, so the report's flag column has something to say). Settings an admin saved stay.
 */
export const DEMO_LD_SETTINGS: LdSettings = { ...DEFAULT_LD_SETTINGS, flagResponseBelow: 60 };

export async function seedDemoLdSettings(stores: { ldSettings: LdSettingsStore }, now: Date): Promise<void> {
  if (await stores.ldSettings.get(DEMO_TENANT_ID)) return;
  await stores.ldSettings.save(DEMO_TENANT_ID, DEMO_LD_SETTINGS, now.toISOString());
}

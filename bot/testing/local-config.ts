import type { AppConfig, StorageConfig } from '../config.js';

/** The service's config as local mode without bot credentials has it, over the given storage. */
export function localConfig(storage: StorageConfig, overrides: Partial<AppConfig> = {}): AppConfig {
  const mode = overrides.mode ?? 'local';
  return {
    mode,
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
    storage,
    bot: { appId: undefined, appPassword: undefined, appType: 'UserAssignedMsi', appTenantId: undefined },
    ssoClientId: undefined,
    allowedTenantIds: undefined,
    teamsAppId: undefined,
    tabEndpoint: undefined,
    tabDistDir: undefined,
    // Tests and benchmarks call the API from one identity far faster than a person: the limit's own tests set theirs.
    apiRateLimitPerMinute: 1_000_000,
    seedDemoData: false,
    retentionDays: undefined,
    ldAdmins: [],
    acceptDemoIdentities: mode === 'local' && !overrides.bot?.appId,
    telemetryConnectionString: undefined,
    ...overrides,
    lrsAllowList: overrides.lrsAllowList ?? (mode === 'local' ? { kind: 'any' } : { kind: 'listed', endpoints: [] }),
  };
}

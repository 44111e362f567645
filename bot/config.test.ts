import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const local = { STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' };

describe('loadConfig', () => {
  it('defaults to local mode on loopback, port 3978', () => {
    const config = loadConfig(local);
    expect(config).toMatchObject({ mode: 'local', host: '127.0.0.1', port: 3978, seedDemoData: false });
    expect(config.storage).toMatchObject({ kind: 'connectionString', tablePrefix: 'll' });
  });

  it('refuses to expose an unauthenticated local bot beyond loopback', () => {
    expect(() => loadConfig({ ...local, HOST: '0.0.0.0' })).toThrow(/loopback only/);
    expect(loadConfig({ ...local, LEARNING_LOOP_MODE: 'local', HOST: '0.0.0.0', MICROSOFT_APP_ID: 'x', AAD_APP_CLIENT_ID: 'y' }).host).toBe(
      '0.0.0.0',
    );
  });

  it('takes only addresses that cannot leave this machine as loopback', () => {
    for (const host of ['127.0.0.1', '127.8.9.10', '::1', '[::1]', 'localhost', 'LOCALHOST'])
      expect(loadConfig({ ...local, HOST: host }).host, host).toBe(host);
    for (const host of ['127.example.com', '127.0.0.1.nip.io', '0.0.0.0', '::', '10.0.0.1'])
      expect(() => loadConfig({ ...local, HOST: host }), host).toThrow(/loopback only/);
  });

  it('refuses to guess the mode of what looks like a deployment', () => {
    for (const hint of [
      { MICROSOFT_APP_ID: 'x', AAD_APP_CLIENT_ID: 'y' },
      { STORAGE_TABLE_ENDPOINT: 'https://acct.table.core.windows.net', STORAGE_QUEUE_ENDPOINT: 'https://acct.queue.core.windows.net' },
    ]) {
      const env = { ...local, ...hint };
      expect(() => loadConfig(env)).toThrow(/LEARNING_LOOP_MODE: must be set/);
      expect(loadConfig({ ...env, LEARNING_LOOP_MODE: 'local' }).mode).toBe('local');
    }
  });

  it('accepts demo identities only in local mode without bot credentials', () => {
    expect(loadConfig(local).acceptDemoIdentities).toBe(true);
    // With credentials the service may sit behind a public tunnel: the tab must use SSO.
    expect(
      loadConfig({ ...local, LEARNING_LOOP_MODE: 'local', MICROSOFT_APP_ID: 'bot', AAD_APP_CLIENT_ID: 'app' }).acceptDemoIdentities,
    ).toBe(false);
    expect(() => loadConfig({ ...local, LEARNING_LOOP_MODE: 'local', MICROSOFT_APP_ID: 'bot' })).toThrow(/AAD_APP_CLIENT_ID/);
  });

  it('reads the L&D admins the deployment names, and refuses a list it cannot read', () => {
    expect(loadConfig(local).ldAdmins).toEqual([]);
    expect(loadConfig({ ...local, LD_ADMINS: 't1:u1,t2:u2' }).ldAdmins).toEqual([
      { tenantId: 't1', userId: 'u1' },
      { tenantId: 't2', userId: 'u2' },
    ]);
    expect(() => loadConfig({ ...local, LD_ADMINS: 'u1' })).toThrow(/LD_ADMINS: tenantId:userId pairs/);
  });

  it('reads the Teams app id and the tab’s public origin, both optional, and refuses ones it cannot link with', () => {
    expect(loadConfig(local)).toMatchObject({ teamsAppId: undefined, tabEndpoint: undefined });
    const set = loadConfig({ ...local, TEAMS_APP_ID: '5f1c9a3e-2b7d-4e8a-9c61-0d2f4b8e7a15', TAB_ENDPOINT: 'https://loop.example.com/' });
    expect(set).toMatchObject({ teamsAppId: '5f1c9a3e-2b7d-4e8a-9c61-0d2f4b8e7a15', tabEndpoint: 'https://loop.example.com' });
    expect(loadConfig({ ...local, TEAMS_APP_ID: ' ', TAB_ENDPOINT: '' })).toMatchObject({ teamsAppId: undefined, tabEndpoint: undefined });
    expect(() => loadConfig({ ...local, TEAMS_APP_ID: 'learning-loop' })).toThrow(/TEAMS_APP_ID: a GUID/);
    expect(() => loadConfig({ ...local, TAB_ENDPOINT: 'http://loop.example.com' })).toThrow(/TAB_ENDPOINT: an https URL/);
    expect(() => loadConfig({ ...local, TAB_ENDPOINT: 'loop.example.com' })).toThrow(/TAB_ENDPOINT/);
  });

  it('names every missing production setting at once', () => {
    try {
      loadConfig({ LEARNING_LOOP_MODE: 'production' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      for (const key of ['MICROSOFT_APP_ID', 'AAD_APP_CLIENT_ID', 'STORAGE_TABLE_ENDPOINT', 'STORAGE_QUEUE_ENDPOINT'])
        expect(message).toContain(key);
    }
  });

  it('refuses account keys and demo data in production', () => {
    const production = {
      LEARNING_LOOP_MODE: 'production',
      MICROSOFT_APP_ID: 'bot',
      AAD_APP_CLIENT_ID: 'app',
      STORAGE_TABLE_ENDPOINT: 'https://acct.table.core.windows.net',
      STORAGE_QUEUE_ENDPOINT: 'https://acct.queue.core.windows.net',
    };
    expect(loadConfig(production).storage).toEqual({
      kind: 'managedIdentity',
      tableEndpoint: 'https://acct.table.core.windows.net',
      queueEndpoint: 'https://acct.queue.core.windows.net',
      tablePrefix: 'll',
    });
    expect(() => loadConfig({ ...production, STORAGE_CONNECTION_STRING: 'AccountKey=secret' })).toThrow(/managed identity/);
    expect(() => loadConfig({ ...production, SEED_DEMO_DATA: 'true' })).toThrow(/local mode only/);
  });

  it('reads where the channel’s signing keys are published, and trusts only https for them in production', () => {
    expect(loadConfig(local).bot.openIdMetadataUrl).toBeUndefined();
    const keys = 'http://127.0.0.1:4000/v1/.well-known/openidconfiguration';
    expect(loadConfig({ ...local, BOT_OPENID_METADATA_URL: keys }).bot.openIdMetadataUrl).toBe(keys);
    expect(() => loadConfig({ ...local, BOT_OPENID_METADATA_URL: 'keys.example.com' })).toThrow(/BOT_OPENID_METADATA_URL/);
    const production = {
      LEARNING_LOOP_MODE: 'production',
      MICROSOFT_APP_ID: 'bot',
      AAD_APP_CLIENT_ID: 'app',
      STORAGE_TABLE_ENDPOINT: 'https://acct.table.core.windows.net',
      STORAGE_QUEUE_ENDPOINT: 'https://acct.queue.core.windows.net',
    };
    expect(() => loadConfig({ ...production, BOT_OPENID_METADATA_URL: keys })).toThrow(/BOT_OPENID_METADATA_URL: must be an https URL/);
    expect(loadConfig({ ...production, BOT_OPENID_METADATA_URL: 'https://keys.example.com/openid' }).bot.openIdMetadataUrl).toBe(
      'https://keys.example.com/openid',
    );
  });

  it('reads the API rate limit per caller, 300 a minute unless set, and refuses one it cannot use', () => {
    expect(loadConfig(local).apiRateLimitPerMinute).toBe(300);
    expect(loadConfig({ ...local, API_RATE_LIMIT_PER_MINUTE: '1200' }).apiRateLimitPerMinute).toBe(1200);
    expect(() => loadConfig({ ...local, API_RATE_LIMIT_PER_MINUTE: 'lots' })).toThrow(/API_RATE_LIMIT_PER_MINUTE/);
    expect(() => loadConfig({ ...local, API_RATE_LIMIT_PER_MINUTE: '0' })).toThrow(/API_RATE_LIMIT_PER_MINUTE/);
  });

  it('reads the retention in days, keeping everything unless set, and refuses one that would cut into a 52-week period', () => {
    expect(loadConfig(local).retentionDays).toBeUndefined();
    expect(loadConfig({ ...local, RETENTION_DAYS: '' }).retentionDays).toBeUndefined();
    expect(loadConfig({ ...local, RETENTION_DAYS: '371' }).retentionDays).toBe(371);
    expect(loadConfig({ ...local, RETENTION_DAYS: '730' }).retentionDays).toBe(730);
    expect(() => loadConfig({ ...local, RETENTION_DAYS: '370' })).toThrow(/RETENTION_DAYS: must be at least 371 days \(53 weeks\)/);
    expect(() => loadConfig({ ...local, RETENTION_DAYS: '90' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...local, RETENTION_DAYS: 'a year' })).toThrow(/RETENTION_DAYS/);
    expect(() => loadConfig({ ...local, RETENTION_DAYS: '400.5' })).toThrow(/RETENTION_DAYS/);
  });

  it('reads the tenants allowed to use the API, any when unset', () => {
    expect(loadConfig(local).allowedTenantIds).toBeUndefined();
    expect(
      loadConfig({ ...local, ALLOWED_TENANT_IDS: '7D2E5C1A-0B4F-4E8A-9C3D-6F1E2A3B4C5D,0b9f4c2e-1111-4222-8333-944445555666' })
        .allowedTenantIds,
    ).toEqual(['7d2e5c1a-0b4f-4e8a-9c3d-6f1e2a3b4c5d', '0b9f4c2e-1111-4222-8333-944445555666']);
    expect(() => loadConfig({ ...local, ALLOWED_TENANT_IDS: 'contoso.com' })).toThrow(/ALLOWED_TENANT_IDS/);
  });

  it('sends telemetry only when given an Application Insights connection string, and refuses one that is not', () => {
    expect(loadConfig(local).telemetryConnectionString).toBeUndefined();
    expect(loadConfig({ ...local, APPLICATIONINSIGHTS_CONNECTION_STRING: ' ' }).telemetryConnectionString).toBeUndefined();
    const portal =
      'InstrumentationKey=5b9e2d4f-1c3a-4e7b-8d6f-0a2c4e6b8d1f;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/;LiveEndpoint=https://westeurope.livediagnostics.monitor.azure.com/;ApplicationId=9c1d3e5f-7a2b-4c6d-8e0f-1a3b5c7d9e2f';
    expect(loadConfig({ ...local, APPLICATIONINSIGHTS_CONNECTION_STRING: portal }).telemetryConnectionString).toBe(portal);
    expect(
      loadConfig({ ...local, APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=5b9e2d4f-1c3a-4e7b-8d6f-0a2c4e6b8d1f' })
        .telemetryConnectionString,
    ).toBeDefined();
    for (const bad of [
      '5b9e2d4f-1c3a-4e7b-8d6f-0a2c4e6b8d1f',
      'InstrumentationKey=not-a-guid;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/',
      'IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/',
      'InstrumentationKey=5b9e2d4f-1c3a-4e7b-8d6f-0a2c4e6b8d1f;IngestionEndpoint=http://collector.example.com/',
    ]) {
      expect(() => loadConfig({ ...local, APPLICATIONINSIGHTS_CONNECTION_STRING: bad }), bad).toThrow(
        /APPLICATIONINSIGHTS_CONNECTION_STRING: an Application Insights connection string/,
      );
    }
  });

  it('explains a bad value', () => {
    expect(() => loadConfig({ ...local, PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ ...local, LEARNING_LOOP_MODE: 'staging' })).toThrow(/LEARNING_LOOP_MODE/);
  });
});

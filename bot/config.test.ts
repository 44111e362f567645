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
    expect(loadConfig({ ...local, HOST: '0.0.0.0', MICROSOFT_APP_ID: 'x', AAD_APP_CLIENT_ID: 'y' }).host).toBe('0.0.0.0');
  });

  it('accepts demo identities only in local mode without bot credentials', () => {
    expect(loadConfig(local).acceptDemoIdentities).toBe(true);
    // With credentials the service may sit behind a public tunnel: the tab must use SSO.
    expect(loadConfig({ ...local, MICROSOFT_APP_ID: 'bot', AAD_APP_CLIENT_ID: 'app' }).acceptDemoIdentities).toBe(false);
    expect(() => loadConfig({ ...local, MICROSOFT_APP_ID: 'bot' })).toThrow(/AAD_APP_CLIENT_ID/);
  });

  it('reads the L&D admins the deployment names, and refuses a list it cannot read', () => {
    expect(loadConfig(local).ldAdmins).toEqual([]);
    expect(loadConfig({ ...local, LD_ADMINS: 't1:u1,t2:u2' }).ldAdmins).toEqual([
      { tenantId: 't1', userId: 'u1' },
      { tenantId: 't2', userId: 'u2' },
    ]);
    expect(() => loadConfig({ ...local, LD_ADMINS: 'u1' })).toThrow(/LD_ADMINS: tenantId:userId pairs/);
  });

  it('names every missing production setting at once', () => {
    try {
      loadConfig({ LEARNING_LOOP_MODE: 'production' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      for (const key of ['MICROSOFT_APP_ID', 'AAD_APP_CLIENT_ID', 'STORAGE_TABLE_ENDPOINT', 'STORAGE_QUEUE_ENDPOINT']) expect(message).toContain(key);
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

  it('explains a bad value', () => {
    expect(() => loadConfig({ ...local, PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ ...local, LEARNING_LOOP_MODE: 'staging' })).toThrow(/LEARNING_LOOP_MODE/);
  });
});

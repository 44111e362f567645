import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_SETTINGS, loadConfig } from '../bot/config.js';
import { TABLES, tableName } from '../bot/store/table-clients.js';
import { QUEUES, queueName } from '../bot/store/work-queue.js';
import {
  bicepAppSettings,
  bicepModules,
  bicepOutputs,
  bicepParams,
  bicepPropertyValues,
  bicepResourceName,
  bicepResourceTypes,
  bicepStringArray,
  evaluateBicep,
} from './support/bicep-text.js';
import { SAMPLE_VALUES } from './support/manifest-placeholders.js';

const root = path.resolve(import.meta.dirname, '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

const main = read('infra/azure.bicep');
const modules = bicepModules(main);
const moduleText = (symbol: string) => {
  const found = modules.find((m) => m.symbol === symbol);
  if (!found) throw new Error(`infra/azure.bicep declares no module ${symbol}`);
  return read(path.join('infra', found.path));
};
const storage = moduleText('storage');
const webApp = moduleText('webApp');
const allBicep = [main, storage, webApp].join('\n');

/**
 * Settings on the web app that bot/config.ts does not read, each read by something else. Any other
 * name is a mistake: a setting the service ignores, or one it reads under another name.
 */
const PLATFORM_SETTINGS: Readonly<Record<string, string>> = {
  AZURE_CLIENT_ID: 'DefaultAzureCredential: which of the app’s identities reaches storage',
  NODE_OPTIONS: 'Node: the heap cap',
  MALLOC_ARENA_MAX: 'glibc: fewer malloc arenas, a smaller resident size',
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'App Service: the upload is already built',
  WEBSITE_RUN_FROM_PACKAGE: 'App Service: run the uploaded zip as it is',
};

/** What provisioning would pass the web app module: realistic values of the right shape. */
const PLAUSIBLE_MODULE_INPUTS: Readonly<Record<string, string>> = {
  tableEndpoint: 'https://learnloopx1y2z3store.table.core.windows.net/',
  queueEndpoint: 'https://learnloopx1y2z3store.queue.core.windows.net/',
  tablePrefix: 'll',
  identityClientId: SAMPLE_VALUES.BOT_ID!,
  identityTenantId: '7d2e5c1a-0b4f-4e8a-9c3d-6f1e2a3b4c5d',
  aadAppClientId: SAMPLE_VALUES.AAD_APP_CLIENT_ID!,
  teamsAppId: SAMPLE_VALUES.TEAMS_APP_ID!,
  ldAdmins: '7d2e5c1a-0b4f-4e8a-9c3d-6f1e2a3b4c5d:9c1d3e5f-7a2b-4c6d-8e0f-1a3b5c7d9e2f',
  lrsAllowedEndpoints: 'https://lrs.contoso.com/xapi',
  appInsightsConnectionString:
    'InstrumentationKey=3f6a9c2e-5b8d-4e1f-a7c0-2d4f6b8e0a1c;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/;LiveEndpoint=https://westeurope.livediagnostics.monitor.azure.com/',
};

/** The web app's settings as App Service would hold them after provisioning. */
function provisionedSettings(settings = bicepAppSettings(webApp)): Record<string, string> {
  return Object.fromEntries(settings.map((s) => [s.name, evaluateBicep(s.value, PLAUSIBLE_MODULE_INPUTS)]));
}

describe('infra/azure.bicep and infra/azure.parameters.json', () => {
  const params = bicepParams(main);
  const given = Object.keys((JSON.parse(read('infra/azure.parameters.json')) as { parameters: object }).parameters);

  it('gets a value for every parameter without a default, and none it does not declare', () => {
    expect(params.length).toBeGreaterThan(0);
    const required = params.filter((p) => !p.hasDefault).map((p) => p.name);
    expect(required).toEqual(expect.arrayContaining(['resourceBaseName', 'aadAppClientId', 'teamsAppId']));
    expect(required.filter((name) => !given.includes(name))).toEqual([]);
    expect(given.filter((name) => !params.some((p) => p.name === name))).toEqual([]);
  });

  it('gives each module every parameter it declares without a default, and only those it declares', () => {
    expect(modules.map((m) => m.symbol).sort()).toEqual(['storage', 'webApp']);
    for (const m of modules) {
      const declared = bicepParams(moduleText(m.symbol));
      const missing = declared.filter((p) => !p.hasDefault && !(p.name in m.params)).map((p) => p.name);
      const unknown = Object.keys(m.params).filter((name) => !declared.some((p) => p.name === name));
      expect({ module: m.symbol, missing, unknown }).toEqual({ module: m.symbol, missing: [], unknown: [] });
    }
  });

  it('outputs what the deploy stage and the app package need', () => {
    expect(bicepOutputs(main)).toEqual(
      expect.arrayContaining(['BOT_ID', 'BOT_DOMAIN', 'BOT_ENDPOINT', 'TAB_DOMAIN', 'TAB_ENDPOINT', 'BOT_AZURE_APP_SERVICE_RESOURCE_ID']),
    );
  });

  it('uses well-known resource types and API versions only (nothing here can compile Bicep)', () => {
    const known = [
      'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31',
      'Microsoft.OperationalInsights/workspaces@2022-10-01',
      'Microsoft.Insights/components@2020-02-02',
      'Microsoft.Insights/diagnosticSettings@2021-05-01-preview',
      'Microsoft.Storage/storageAccounts@2023-05-01',
      'Microsoft.Storage/storageAccounts/tableServices@2023-05-01',
      'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01',
      'Microsoft.Storage/storageAccounts/queueServices@2023-05-01',
      'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01',
      'Microsoft.Authorization/roleAssignments@2022-04-01',
      'Microsoft.Web/serverfarms@2023-12-01',
      'Microsoft.Web/sites@2023-12-01',
      'Microsoft.BotService/botServices@2022-09-15',
      'Microsoft.BotService/botServices/channels@2022-09-15',
    ];
    expect(bicepResourceTypes(allBicep).filter((t) => !known.includes(t))).toEqual([]);
  });
});

describe('the web app’s settings', () => {
  const settings = bicepAppSettings(webApp);

  it('are all settings the service (or the platform) reads, each once', () => {
    const names = settings.map((s) => s.name);
    expect(names.length).toBeGreaterThan(5);
    expect(new Set(names).size).toBe(names.length);
    const stray = names.filter((n) => !CONFIG_SETTINGS.includes(n) && !(n in PLATFORM_SETTINGS));
    expect(stray).toEqual([]);
    expect(Object.keys(PLATFORM_SETTINGS).filter((n) => !names.includes(n))).toEqual([]);
  });

  it('start the service in production mode: every setting it requires there is set', () => {
    const env = provisionedSettings(settings);
    expect(env.LEARNING_LOOP_MODE).toBe('production');
    const config = loadConfig(env);
    expect(config).toMatchObject({
      mode: 'production',
      storage: {
        kind: 'managedIdentity',
        tableEndpoint: PLAUSIBLE_MODULE_INPUTS.tableEndpoint,
        queueEndpoint: PLAUSIBLE_MODULE_INPUTS.queueEndpoint,
        tablePrefix: 'll',
      },
      bot: { appId: PLAUSIBLE_MODULE_INPUTS.identityClientId, appType: 'UserAssignedMsi' },
      ssoClientId: PLAUSIBLE_MODULE_INPUTS.aadAppClientId,
      teamsAppId: PLAUSIBLE_MODULE_INPUTS.teamsAppId,
      telemetryConnectionString: PLAUSIBLE_MODULE_INPUTS.appInsightsConnectionString,
      acceptDemoIdentities: false,
    });
    expect(config.ldAdmins).toHaveLength(1);
    expect(config.lrsAllowList).toEqual({ kind: 'listed', endpoints: [PLAUSIBLE_MODULE_INPUTS.lrsAllowedEndpoints] });
    // The same identity signs the bot in and reaches storage.
    expect(env.AZURE_CLIENT_ID).toBe(env.MICROSOFT_APP_ID);
  });

  it('would fail the service’s start if any required one were left out', () => {
    for (const required of ['STORAGE_TABLE_ENDPOINT', 'STORAGE_QUEUE_ENDPOINT', 'MICROSOFT_APP_ID', 'AAD_APP_CLIENT_ID']) {
      const env = provisionedSettings(settings.filter((s) => s.name !== required));
      expect(() => loadConfig(env), required).toThrow(required);
    }
  });

  it('pass the module the values the main template holds for them', () => {
    const wiring = modules.find((m) => m.symbol === 'webApp')!.params;
    expect(wiring).toMatchObject({
      tableEndpoint: 'storage.outputs.tableEndpoint',
      queueEndpoint: 'storage.outputs.queueEndpoint',
      tablePrefix: 'tablePrefix',
      identityClientId: 'identity.properties.clientId',
      identityTenantId: 'identity.properties.tenantId',
      aadAppClientId: 'aadAppClientId',
      teamsAppId: 'teamsAppId',
      ldAdmins: 'ldAdmins',
      lrsAllowedEndpoints: 'lrsAllowedEndpoints',
      appInsightsConnectionString: 'appInsights.properties.ConnectionString',
    });
    expect(modules.find((m) => m.symbol === 'storage')!.params).toMatchObject({
      tablePrefix: 'tablePrefix',
      principalId: 'identity.properties.principalId',
    });
  });
});

describe('the LRS allow-list (LRS_ALLOWED_ENDPOINTS) as a deployment parameter', () => {
  const param = bicepParams(main).find((p) => p.name === 'lrsAllowedEndpoints');
  const given = (JSON.parse(read('infra/azure.parameters.json')) as { parameters: Record<string, { value: unknown }> }).parameters;

  it('is an optional parameter the parameters file sets as a literal, so the toolkit never meets an empty placeholder', () => {
    expect(param).toEqual({ name: 'lrsAllowedEndpoints', type: 'string', hasDefault: true });
    expect(main).toContain("param lrsAllowedEndpoints string = ''");
    // The toolkit refuses a `${{VAR}}` whose value is empty; an optional setting is written out instead.
    expect(given.lrsAllowedEndpoints).toEqual({ value: '' });
    expect(bicepAppSettings(webApp).find((s) => s.name === 'LRS_ALLOWED_ENDPOINTS')?.value).toBe('lrsAllowedEndpoints');
  });

  it('left empty, the production service allows no LRS; set, it allows those endpoints only', () => {
    const empty = bicepAppSettings(webApp).map((s) => (s.name === 'LRS_ALLOWED_ENDPOINTS' ? { ...s, value: "''" } : s));
    expect(loadConfig(provisionedSettings(empty)).lrsAllowList).toEqual({ kind: 'listed', endpoints: [] });
    const two = bicepAppSettings(webApp).map((s) =>
      s.name === 'LRS_ALLOWED_ENDPOINTS' ? { ...s, value: "'https://lrs.contoso.com/xapi,https://lrs.example.org'" } : s,
    );
    expect(loadConfig(provisionedSettings(two)).lrsAllowList).toEqual({
      kind: 'listed',
      endpoints: ['https://lrs.contoso.com/xapi', 'https://lrs.example.org'],
    });
  });
});

describe('security and platform settings', () => {
  const only = (text: string, key: string) => {
    const values = bicepPropertyValues(text, key);
    expect(values, key).toHaveLength(1);
    return values[0];
  };

  it('App Service: HTTPS only, no FTP, TLS 1.2, always on, health checked, on Linux', () => {
    expect(only(webApp, 'httpsOnly')).toBe('true');
    expect(only(webApp, 'ftpsState')).toBe("'Disabled'");
    expect(only(webApp, 'minTlsVersion')).toBe("'1.2'");
    expect(only(webApp, 'alwaysOn')).toBe('true');
    expect(only(webApp, 'reserved')).toBe('true');
    expect(only(webApp, 'healthCheckPath')).toBe("'/healthz'");
    // The path the platform probes is one the service answers without signing in.
    expect(read('bot/http/create-http-app.ts')).toContain("app.get('/healthz'");
  });

  it('App Service runs the Node LTS major that development and the tests run (.nvmrc, engines)', () => {
    const pinned = read('.nvmrc').trim();
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    const major = Number(pinned.split('.')[0]);
    // Even majors are Node's LTS lines; 24 is supported until 2028-04-30.
    expect(major % 2).toBe(0);
    expect(major).toBeGreaterThanOrEqual(24);
    expect(only(webApp, 'linuxFxVersion')).toBe(`'NODE|${major}-lts'`);
    const pkg = JSON.parse(read('package.json')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe(`^${pinned}`);
  });

  it('App Service starts the deploy artifact’s bundled service from the zip, capping its heap', () => {
    expect(only(webApp, 'appCommandLine')).toBe("'node server/main.js'");
    const settings = provisionedSettings();
    expect(settings.WEBSITE_RUN_FROM_PACKAGE).toBe('1');
    expect(settings.SCM_DO_BUILD_DURING_DEPLOYMENT).toBe('false');
    expect(read('scripts/package.ts')).toContain("scripts: { start: 'node server/main.js' }");
    const cap = /--max-old-space-size=(\d+)/.exec(settings.NODE_OPTIONS ?? '');
    expect(cap, 'NODE_OPTIONS caps the old generation').not.toBeNull();
    // Under a B1 plan's 1.75 GB the cap must leave room; above the measured need it must not starve.
    expect(Number(cap![1])).toBeGreaterThanOrEqual(96);
    expect(Number(cap![1])).toBeLessThanOrEqual(512);
  });

  it('Storage: no shared keys, no public blobs, TLS 1.2, HTTPS only', () => {
    expect(only(storage, 'allowSharedKeyAccess')).toBe('false');
    expect(only(storage, 'allowBlobPublicAccess')).toBe('false');
    expect(only(storage, 'minimumTlsVersion')).toBe("'TLS1_2'");
    expect(only(storage, 'supportsHttpsTrafficOnly')).toBe('true');
  });

  it('the managed identity gets Storage Table Data Contributor and Storage Queue Data Contributor on the account', () => {
    expect(storage).toContain("var tableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'");
    expect(storage).toContain("var queueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'");
    const roles = bicepPropertyValues(storage, 'roleDefinitionId');
    expect(roles).toEqual([
      "subscriptionResourceId('Microsoft.Authorization/roleDefinitions', tableDataContributor)",
      "subscriptionResourceId('Microsoft.Authorization/roleDefinitions', queueDataContributor)",
    ]);
    expect(bicepPropertyValues(storage, 'principalId')).toEqual(['principalId', 'principalId']);
    expect(bicepPropertyValues(storage, 'scope')).toEqual(['storage', 'storage']);
  });

  it('the bot signs in as the same user-assigned managed identity, with the Teams channel, at /api/messages', () => {
    expect(only(main, 'msaAppType')).toBe("'UserAssignedMSI'");
    expect(only(main, 'msaAppId')).toBe('identity.properties.clientId');
    expect(only(main, 'msaAppMSIResourceId')).toBe('identity.id');
    expect(only(main, 'endpoint')).toBe("'https://${webApp.outputs.defaultHostName}/api/messages'");
    expect(bicepPropertyValues(main, 'properties')).toContain("{ channelName: 'MsTeamsChannel' }");
    expect(only(webApp, 'type')).toBe("'UserAssigned'");
  });

  it('Application Insights keeps its data in the Log Analytics workspace, which also gets the service’s console', () => {
    expect(only(main, 'WorkspaceResourceId')).toBe('workspace.id');
    expect(modules.find((m) => m.symbol === 'webApp')!.params.workspaceId).toBe('workspace.id');
    expect(only(webApp, 'workspaceId')).toBe('workspaceId');
    expect(webApp).toContain("{ category: 'AppServiceConsoleLogs', enabled: true }");
  });
});

describe('tables and queues', () => {
  it('Bicep creates exactly the tables the service uses, named as the service names them', () => {
    const names = bicepStringArray(storage, 'tables');
    expect(names).toEqual(Object.values(TABLES));
    const template = bicepResourceName(storage, 'serviceTables');
    for (const prefix of ['ll', 'Dev2']) {
      expect(names.map((table) => evaluateBicep(template, { tablePrefix: prefix, table }))).toEqual(
        Object.values(TABLES).map((t) => tableName(prefix, t)),
      );
    }
  });

  it('Bicep creates exactly the queues the service uses, named as the service names them', () => {
    const names = bicepStringArray(storage, 'queues');
    expect(names).toEqual(Object.values(QUEUES));
    const template = bicepResourceName(storage, 'serviceQueues');
    for (const prefix of ['ll', 'Dev2']) {
      expect(names.map((queue) => evaluateBicep(template, { tablePrefix: prefix, queue }))).toEqual(
        Object.values(QUEUES).map((q) => queueName(prefix, q)),
      );
    }
  });

  it('uses one prefix for the tables, the queues and the service’s TABLE_PREFIX', () => {
    expect(bicepAppSettings(webApp).find((s) => s.name === 'TABLE_PREFIX')?.value).toBe('tablePrefix');
    const prefixParam = JSON.parse(read('infra/azure.parameters.json')) as { parameters: { tablePrefix?: { value: string } } };
    const prefix = prefixParam.parameters.tablePrefix?.value ?? 'll';
    // The service refuses a prefix Table Storage would refuse.
    expect(() => loadConfig({ ...provisionedSettings(), TABLE_PREFIX: prefix })).not.toThrow();
  });
});

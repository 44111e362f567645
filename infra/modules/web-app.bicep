// The one service (bot endpoint, the tab's API and the tab) on a Linux App Service plan, running
// as the user-assigned managed identity. Its settings are exactly what bot/config.ts reads, plus
// the few that Node, App Service and the Azure SDK read themselves (tests/infra.test.ts checks).
param name string
param location string
param sku string
param identityId string
param identityClientId string
param identityTenantId string
param tableEndpoint string
param queueEndpoint string
param tablePrefix string
param aadAppClientId string
param teamsAppId string
param ldAdmins string
param appInsightsConnectionString string

@description('The LRS endpoints xAPI statements may go to (LRS_ALLOWED_ENDPOINTS); empty allows none')
param lrsAllowedEndpoints string

@description('Log Analytics workspace that receives the service\'s own log lines (stdout)')
param workspaceId string

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: name
  location: location
  kind: 'linux'
  sku: { name: sku }
  properties: {
    // A Linux plan.
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      // Node 24 LTS (supported until 2028-04-30), the major .nvmrc pins for development and tests.
      linuxFxVersion: 'NODE|24-lts'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      // The deploy artifact (npm run package) holds the bundled service in server/ and nothing to build.
      appCommandLine: 'node server/main.js'
      healthCheckPath: '/healthz'
      // No PORT setting: App Service gives the Node container its port in PORT, which the service reads.
      appSettings: [
        { name: 'LEARNING_LOOP_MODE', value: 'production' }
        { name: 'STORAGE_TABLE_ENDPOINT', value: tableEndpoint }
        { name: 'STORAGE_QUEUE_ENDPOINT', value: queueEndpoint }
        { name: 'TABLE_PREFIX', value: tablePrefix }
        { name: 'MICROSOFT_APP_ID', value: identityClientId }
        { name: 'MICROSOFT_APP_TYPE', value: 'UserAssignedMsi' }
        { name: 'MICROSOFT_APP_TENANT_ID', value: identityTenantId }
        { name: 'AAD_APP_CLIENT_ID', value: aadAppClientId }
        { name: 'TEAMS_APP_ID', value: teamsAppId }
        { name: 'LD_ADMINS', value: ldAdmins }
        { name: 'LRS_ALLOWED_ENDPOINTS', value: lrsAllowedEndpoints }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
        // Read by DefaultAzureCredential: which of the app's identities reaches storage.
        { name: 'AZURE_CLIENT_ID', value: identityClientId }
        // The heap cap, measured on Node 24 (docs/runtime-and-package.md): the packaged service with
        // telemetry on keeps 56 MB live after a full collection and the fan-out worker 46 MB
        // (npm run bench -- fanout, with --trace-gc); 128 MB is twice the highest heap seen before a
        // collection (63 MB), so the collector has room and the process stays small.
        { name: 'NODE_OPTIONS', value: '--max-old-space-size=128 --max-semi-space-size=4' }
        // glibc's malloc keeps an arena per thread that allocates (libuv's pool: gzip, crypto; V8's
        // helpers); two hold what they need. Peak RSS of a service process in a fleet round
        // (npm run bench -- fanoutFleet, 1,000 learners): 176-206 MB without, 173-187 MB with.
        { name: 'MALLOC_ARENA_MAX', value: '2' }
        // The deploy stage uploads the built artifact (npm run package): nothing to build on the server.
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        // Runs the uploaded zip as it is, mounted read-only: no copy into wwwroot, an atomic switch
        // on deploy, and the same files on every instance.
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
      ]
    }
  }
}

// pino writes JSON lines to stdout; Application Insights has no pino instrumentation, so the
// platform ships the console to the same workspace (table AppServiceConsoleLogs).
resource consoleLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: site
  name: 'console-to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'AppServiceConsoleLogs', enabled: true }
    ]
  }
}

output id string = site.id
output defaultHostName string = site.properties.defaultHostName

// Learning Loop's Azure resources: one App Service (bot, API and tab), Storage (tables and
// queues) reached with a user-assigned managed identity, and an Azure Bot with the Teams channel.
@maxLength(20)
@minLength(4)
@description('Used to generate names for all resources in this file')
param resourceBaseName string

@description('The Entra app that Teams SSO tokens for the tab are issued to')
param aadAppClientId string

@description('The Teams app id (the manifest id): cards deep-link into its tabs with it')
param teamsAppId string

param webAppSku string = 'B1'
param botDisplayName string = 'Learning Loop'
param location string = resourceGroup().location

var serverfarmsName = resourceBaseName
var webAppName = resourceBaseName
var identityName = resourceBaseName
var storageName = toLower(take(replace('${resourceBaseName}store', '-', ''), 24))

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    // Only Entra ID (the managed identity) may reach the data: no account keys.
    allowSharedKeyAccess: false
    supportsHttpsTrafficOnly: true
  }
}

// Built-in roles: Storage Table Data Contributor and Storage Queue Data Contributor.
var tableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var queueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'

resource tableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, tableDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', tableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource queueRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, identity.id, queueDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', queueDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource serverfarm 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: serverfarmsName
  location: location
  kind: 'linux'
  sku: { name: webAppSku }
  properties: { reserved: true }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      appCommandLine: 'npm run serve'
      healthCheckPath: '/healthz'
      // No PORT setting: App Service gives the Node container its port in PORT, which the service reads.
      appSettings: [
        { name: 'LEARNING_LOOP_MODE', value: 'production' }
        // A capped heap keeps the service small under fan-out (measured by npm run bench).
        { name: 'NODE_OPTIONS', value: '--max-old-space-size=96 --max-semi-space-size=4' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'STORAGE_TABLE_ENDPOINT', value: storage.properties.primaryEndpoints.table }
        { name: 'STORAGE_QUEUE_ENDPOINT', value: storage.properties.primaryEndpoints.queue }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'MICROSOFT_APP_ID', value: identity.properties.clientId }
        { name: 'MICROSOFT_APP_TYPE', value: 'UserAssignedMsi' }
        { name: 'MICROSOFT_APP_TENANT_ID', value: identity.properties.tenantId }
        { name: 'AAD_APP_CLIENT_ID', value: aadAppClientId }
        { name: 'TEAMS_APP_ID', value: teamsAppId }
      ]
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
    msaAppType: 'UserAssignedMSI'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: { channelName: 'MsTeamsChannel' }
}

output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_ID string = identity.properties.clientId
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'

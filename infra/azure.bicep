// Learning Loop's Azure resources: one App Service (bot, API and tab), Storage (tables and queues)
// reached with a user-assigned managed identity, an Azure Bot with the Teams channel, and
// Application Insights on a Log Analytics workspace.
@maxLength(20)
@minLength(4)
@description('Used to generate names for all resources in this file')
param resourceBaseName string

@description('The Entra app that Teams SSO tokens for the tab are issued to')
param aadAppClientId string

@description('The Teams app id (the manifest id): cards deep-link into its tabs with it')
param teamsAppId string

@description('L&D admins, as tenantId:userId pairs separated by commas (LD_ADMINS); they can name more in the app')
param ldAdmins string = ''

@description('The Learning Record Store endpoints xAPI statements may go to, https URLs separated by commas (LRS_ALLOWED_ENDPOINTS); empty allows none')
param lrsAllowedEndpoints string = ''

@description('Prefix of the service\'s table names and, lower-cased, of its queue names (TABLE_PREFIX)')
param tablePrefix string = 'll'

param webAppSku string = 'B1'
param botDisplayName string = 'Learning Loop'
param location string = resourceGroup().location

var storageName = toLower(take(replace('${resourceBaseName}store', '-', ''), 24))

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: resourceBaseName
  location: location
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: resourceBaseName
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: resourceBaseName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: storageName
    location: location
    tablePrefix: tablePrefix
    principalId: identity.properties.principalId
  }
}

module webApp 'modules/web-app.bicep' = {
  name: 'web-app'
  params: {
    name: resourceBaseName
    location: location
    sku: webAppSku
    identityId: identity.id
    identityClientId: identity.properties.clientId
    identityTenantId: identity.properties.tenantId
    tableEndpoint: storage.outputs.tableEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tablePrefix: tablePrefix
    aadAppClientId: aadAppClientId
    teamsAppId: teamsAppId
    ldAdmins: ldAdmins
    lrsAllowedEndpoints: lrsAllowedEndpoints
    appInsightsConnectionString: appInsights.properties.ConnectionString
    workspaceId: workspace.id
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.outputs.defaultHostName}/api/messages'
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

output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.outputs.id
output BOT_ID string = identity.properties.clientId
output BOT_DOMAIN string = webApp.outputs.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.outputs.defaultHostName}'
output TAB_DOMAIN string = webApp.outputs.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.outputs.defaultHostName}'

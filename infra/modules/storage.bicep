// The service's records (tables) and work (queues), reached only with Entra ID: the managed
// identity gets the two data roles, and account keys are switched off.
param name string
param location string

@description('TABLE_PREFIX: the service prefixes table names with it, and queue names with it lower-cased and a hyphen')
param tablePrefix string

@description('The managed identity the service runs as')
param principalId string

// The tables and queues the service uses: TABLES in bot/store/table-clients.ts and QUEUES in
// bot/store/work-queue.ts (tests/infra.test.ts keeps the lists equal).
var tables = [
  'Entries'
  'Conversations'
  'Users'
  'Teams'
  'Memberships'
  'Sends'
  'DueIndex'
  'Leases'
  'Rollups'
  'Shares'
  'Nudges'
  'Goals'
  'Admins'
  'Coaching'
  'Recommendations'
  'Digests'
  'Aggregates'
  'LrsSettings'
  'XapiOutbox'
  'XapiSent'
  'Audit'
  'OrgFigures'
  'ShareAsks'
  'OneToOne'
]
var queues = [
  'sends'
  'sends-poison'
  'xapi'
  'share-cards'
]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    // Only Entra ID (the managed identity) may reach the data: no account keys, no SAS.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    supportsHttpsTrafficOnly: true
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource serviceTables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [
  for table in tables: {
    parent: tableService
    name: '${tablePrefix}${table}'
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource serviceQueues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [
  for queue in queues: {
    parent: queueService
    name: '${toLower(tablePrefix)}-${queue}'
  }
]

// Built-in roles: Storage Table Data Contributor and Storage Queue Data Contributor.
var tableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var queueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'

resource tableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, principalId, tableDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', tableDataContributor)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource queueRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, principalId, queueDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', queueDataContributor)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

output tableEndpoint string = storage.properties.primaryEndpoints.table
output queueEndpoint string = storage.properties.primaryEndpoints.queue

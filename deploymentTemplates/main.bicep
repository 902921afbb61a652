// Safer Kingston bot on Azure: several App Service instances behind Azure Bot Service, with
// conversation state and records in Blob Storage and every secret in Key Vault.
// azuredeploy.json is the same template as ARM JSON; keep the two in step (tests/deployment checks).
targetScope = 'resourceGroup'

@description('Azure region for everything except the bot (Azure Bot resources are global).')
param location string = resourceGroup().location

@description('Short lower-case name used in every resource name.')
@minLength(3)
@maxLength(16)
param namePrefix string = 'saferkingston'

@description('App Service plan size. B1 is enough for a pilot; P0v3 or larger for a borough-wide launch.')
@allowed([
  'B1'
  'S1'
  'P0v3'
  'P1v3'
])
param appServicePlanSku string = 'P0v3'

@description('How many instances of the web app run at once. More than one needs STORAGE=blob (set here).')
@minValue(1)
@maxValue(10)
param instanceCount int = 2

@description('Azure Bot pricing tier. F0 stops answering on Direct Line after 10,000 messages a month.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'S1'

@description('Bot identity: UserAssignedMSI (created here, no secret) or SingleTenant (your own app registration).')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param microsoftAppType string = 'UserAssignedMSI'

@description('SingleTenant only: the application (client) ID of your Microsoft Entra app registration.')
param microsoftAppId string = ''

@description('SingleTenant only: a client secret of that app registration. Stored in Key Vault.')
@secure()
param microsoftAppPassword string = ''

@description('Key for the staff area, at least 32 random characters (openssl rand -hex 32). Stored in Key Vault.')
@secure()
@minLength(32)
param staffToken string

@description('The Direct Line secret of the bot (second deployment, see the guide). Empty: the page uses the local Direct Line.')
@secure()
param directLineSecret string = ''

@description('Direct Line address; the Europe endpoint keeps web chat traffic in Europe.')
param directLineEndpoint string = 'https://europe.directline.botframework.com/v3/directline'

@description('Blob container for conversation state and records.')
param storageContainerName string = 'safer-kingston'

@description('Storage redundancy. ZRS keeps copies in three zones of the region.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param storageSku string = 'Standard_ZRS'

@description('Days to keep workshop bookings after the session, and volunteering interest after it was passed on.')
@minValue(1)
@maxValue(3650)
param retentionDays int = 90

@description('Talk to a person: the Teams team id (19:...@thread.tacv2) whose members run the chat desk. Empty: nobody can set a desk.')
param handoffTeamId string = ''

@description('Seconds a resident waits for someone on the desk to accept before being given a phone line.')
@minValue(10)
@maxValue(3600)
param handoffTimeoutSeconds int = 180

@description('Sites that may show the chat in the embed widget: origins separated by spaces, or * for any site.')
param embedOrigins string = '*'

@description('How much the service logs: debug, info, warn or error.')
@allowed([
  'debug'
  'info'
  'warn'
  'error'
])
param logLevel string = 'info'

@description('Name shown for the bot in Teams and in the Azure portal.')
param botDisplayName string = 'Safer Kingston helper'

var suffix = uniqueString(resourceGroup().id)
var appName = '${namePrefix}-${suffix}'
var publicUrl = 'https://${appName}.azurewebsites.net'
var storageName = take(toLower('${replace(namePrefix, '-', '')}${suffix}'), 24)
var vaultName = take('${namePrefix}-kv-${suffix}', 24)
var isMsi = microsoftAppType == 'UserAssignedMSI'
// Key Vault Secrets User: read secret values, nothing else.
var keyVaultSecretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-id'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    DisableIpMasking: false
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: storageContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
  }
}

resource storageSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'storage-connection-string'
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
  }
}

resource staffTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'staff-token'
  properties: {
    value: staffToken
  }
}

resource appPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!isMsi) {
  parent: vault
  name: 'microsoft-app-password'
  properties: {
    value: microsoftAppPassword
  }
}

resource directLineSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(directLineSecret)) {
  parent: vault
  name: 'direct-line-secret'
  properties: {
    value: directLineSecret
  }
}

resource vaultReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, keyVaultSecretsUserRole)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRole)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${namePrefix}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: appServicePlanSku
    capacity: instanceCount
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node dist/src/index.js'
      alwaysOn: true
      http20Enabled: true
      webSocketsEnabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appSettings: [
        {
          name: 'PORT'
          value: '8080'
        }
        {
          name: 'HOST'
          value: '0.0.0.0'
        }
        {
          name: 'TRUST_PROXY'
          value: '1'
        }
        {
          name: 'RATE_LIMIT_MESSAGES_PER_MINUTE'
          value: '120'
        }
        {
          name: 'RATE_LIMIT_CONVERSATIONS_PER_MINUTE'
          value: '30'
        }
        {
          name: 'RATE_LIMIT_STAFF_LOGIN_PER_MINUTE'
          value: '10'
        }
        {
          name: 'INSIGHTS_FLUSH_MS'
          value: '1000'
        }
        {
          name: 'DIRECT_LINE_MAX_CONVERSATIONS'
          value: '5000'
        }
        {
          name: 'DIRECT_LINE_MAX_CONVERSATIONS_PER_CLIENT'
          value: '50'
        }
        {
          name: 'DIRECT_LINE_MAX_ACTIVITY_KB'
          value: '64'
        }
        {
          name: 'DIRECT_LINE_MAX_CONVERSATION_KB'
          value: '512'
        }
        {
          name: 'DIRECT_LINE_MAX_TOTAL_MB'
          value: '128'
        }
        {
          name: 'DIRECT_LINE_MAX_STREAMS_PER_CONVERSATION'
          value: '4'
        }
        {
          name: 'HTTP_HEADERS_TIMEOUT_SECONDS'
          value: '10'
        }
        {
          name: 'HTTP_REQUEST_TIMEOUT_SECONDS'
          value: '30'
        }
        {
          name: 'HTTP_IDLE_TIMEOUT_SECONDS'
          value: '65'
        }
        {
          name: 'DATA_DIR'
          value: '/home/data'
        }
        {
          name: 'STORAGE'
          value: 'blob'
        }
        {
          name: 'AZURE_STORAGE_CONNECTION_STRING'
          value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${storageSecret.name})'
        }
        {
          name: 'AZURE_STORAGE_CONTAINER'
          value: container.name
        }
        {
          name: 'MicrosoftAppId'
          value: isMsi ? identity.properties.clientId : microsoftAppId
        }
        {
          name: 'MicrosoftAppPassword'
          value: isMsi ? '' : '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=microsoft-app-password)'
        }
        {
          name: 'MicrosoftAppType'
          value: microsoftAppType
        }
        {
          name: 'MicrosoftAppTenantId'
          value: tenant().tenantId
        }
        {
          name: 'DIRECT_LINE_SECRET'
          value: empty(directLineSecret) ? '' : '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=direct-line-secret)'
        }
        {
          name: 'DIRECT_LINE_ENDPOINT'
          value: directLineEndpoint
        }
        {
          name: 'PUBLIC_URL'
          value: publicUrl
        }
        {
          name: 'STAFF_TOKEN'
          value: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${staffTokenSecret.name})'
        }
        {
          name: 'RETENTION_DAYS'
          value: string(retentionDays)
        }
        {
          name: 'HANDOFF_TEAM_ID'
          value: handoffTeamId
        }
        {
          name: 'HANDOFF_TIMEOUT_SECONDS'
          value: string(handoffTimeoutSeconds)
        }
        {
          name: 'EMBED_ORIGINS'
          value: embedOrigins
        }
        {
          name: 'LOG_LEVEL'
          value: logLevel
        }
        {
          name: 'NOTIFY_API_KEY'
          value: ''
        }
        {
          name: 'NOTIFY_BASE_URL'
          value: 'https://api.notifications.service.gov.uk'
        }
        {
          name: 'NOTIFY_TEMPLATE_BOOKED'
          value: ''
        }
        {
          name: 'NOTIFY_TEMPLATE_MOVED'
          value: ''
        }
        {
          name: 'NOTIFY_TEMPLATE_WAITING'
          value: ''
        }
        {
          name: 'NOTIFY_TEMPLATE_PROMOTED'
          value: ''
        }
        {
          name: 'NOTIFY_TEMPLATE_CANCELLED'
          value: ''
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          name: 'ApplicationInsightsAgent_EXTENSION_VERSION'
          value: '~3'
        }
        {
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'true'
        }
      ]
    }
  }
  dependsOn: [
    vaultReader
    appPasswordSecret
    directLineSecretValue
  ]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${namePrefix}-bot-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: '${publicUrl}/api/messages'
    msaAppId: isMsi ? identity.properties.clientId : microsoftAppId
    msaAppType: microsoftAppType
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: isMsi ? identity.id : null
    publicNetworkAccess: 'Enabled'
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Web chat page'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: false
        }
      ]
    }
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
    }
  }
}

output webAppName string = webApp.name
output publicUrl string = publicUrl
output botName string = bot.name
output botAppId string = isMsi ? identity.properties.clientId : microsoftAppId
output keyVaultName string = vault.name
output storageAccountName string = storage.name

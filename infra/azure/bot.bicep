// The Azure Bot registration for SkillBot, with the Microsoft Teams channel.
// Deployed by main.bicep, or on its own when SkillBot runs elsewhere (e.g. Kubernetes: pass its public host).

@description('Name of the Azure Bot resource (2-64 letters, digits, hyphens, underscores, periods).')
param name string

@description('Name people see for the bot.')
param displayName string = 'SkillBot'

@description('Application (client) ID of the bot\'s Microsoft Entra app registration.')
param msaAppId string

@description('SingleTenant: only your organisation\'s Teams (Microsoft no longer lets new bots be MultiTenant after July 2025; existing ones keep working).')
@allowed([
  'SingleTenant'
  'MultiTenant'
])
param msaAppType string = 'SingleTenant'

@description('Tenant of the app registration; used when msaAppType is SingleTenant.')
param msaAppTenantId string = tenant().tenantId

@description('Public HTTPS host SkillBot answers on (no scheme, no path); Teams posts to https://HOST/api/messages.')
param host string

@description('F0 is free and covers the Teams channel; S1 adds premium channels SkillBot does not use.')
@allowed([
  'F0'
  'S1'
])
param sku string = 'F0'

param tags object = {}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global' // Bot registrations are global resources
  kind: 'azurebot'
  sku: {
    name: sku
  }
  tags: tags
  properties: {
    displayName: displayName
    endpoint: 'https://${host}/api/messages'
    msaAppId: msaAppId
    msaAppType: msaAppType
    msaAppTenantId: msaAppType == 'SingleTenant' ? msaAppTenantId : null
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
      enableCalling: false // SkillBot answers in chat only
    }
  }
}

output botName string = bot.name
output messagingEndpoint string = bot.properties.endpoint

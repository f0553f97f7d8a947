// SkillBot on Azure: the container host (Azure Container Apps) and the Azure Bot registration with
// the Microsoft Teams channel, whose messaging endpoint is the app's /api/messages.
//   az deployment group create -g RESOURCE_GROUP -f infra/azure/main.bicep -p infra/azure/main.bicepparam
// The Entra app registration (msaAppId and its client secret) is made beforehand: see the README.

targetScope = 'resourceGroup'

@description('Base name for the resources (letters, digits, hyphens; the container app name must be at most 32 characters).')
@minLength(2)
@maxLength(24)
param name string = 'skillbot'

param location string = resourceGroup().location

@description('The SkillBot image built from infra/docker/Dockerfile, e.g. myregistry.azurecr.io/skillbot:1.0.0.')
param image string

@description('Registry login server for a private image; empty for a public image.')
param registryServer string = ''

param registryUsername string = ''

@secure()
param registryPassword string = ''

@description('Application (client) ID of the bot\'s Microsoft Entra app registration.')
param msaAppId string

@description('SingleTenant (your organisation only) or MultiTenant (existing multi-tenant app registrations).')
@allowed([
  'SingleTenant'
  'MultiTenant'
])
param msaAppType string = 'SingleTenant'

@description('Tenant of the app registration, for SingleTenant bots; defaults to this deployment\'s tenant.')
param msaAppTenantId string = tenant().tenantId

@description('Client secret of the app registration (Teams__AppPassword).')
@secure()
param teamsAppPassword string

@secure()
param slackSigningSecret string = ''

@secure()
param slackBotToken string = ''

@secure()
param adminApiKey string = ''

@description('Redis connection string; empty keeps state in memory and the app at one replica.')
@secure()
param redisConnection string = ''

@description('PostgreSQL connection string for progress checklists (Azure Database for PostgreSQL); empty keeps them in a SQLite file in the replica and the app at one replica.')
@secure()
param progressPostgresConnection string = ''

param otlpEndpoint string = ''

param webChatEnabled bool = false

@minValue(1)
param minReplicas int = 1

@minValue(1)
param maxReplicas int = 5

@description('F0 (free) covers the Teams channel.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

param tags object = {
  app: 'skillbot'
}

module host 'containerapp.bicep' = {
  name: '${name}-host'
  params: {
    name: name
    location: location
    image: image
    registryServer: registryServer
    registryUsername: registryUsername
    registryPassword: registryPassword
    msaAppId: msaAppId
    msaAppTenantId: msaAppType == 'SingleTenant' ? msaAppTenantId : ''
    teamsAppPassword: teamsAppPassword
    slackSigningSecret: slackSigningSecret
    slackBotToken: slackBotToken
    adminApiKey: adminApiKey
    redisConnection: redisConnection
    progressPostgresConnection: progressPostgresConnection
    otlpEndpoint: otlpEndpoint
    webChatEnabled: webChatEnabled
    minReplicas: minReplicas
    maxReplicas: maxReplicas
    tags: tags
  }
}

module bot 'bot.bicep' = {
  name: '${name}-bot'
  params: {
    name: '${name}-bot'
    msaAppId: msaAppId
    msaAppType: msaAppType
    msaAppTenantId: msaAppTenantId
    host: host.outputs.host
    sku: botSku
    tags: tags
  }
}

@description('Public host of the app: Slack\'s request URLs are https://HOST/api/slack/commands, /events and /interactions.')
output host string = host.outputs.host

@description('The bot\'s messaging endpoint (Teams).')
output messagingEndpoint string = bot.outputs.messagingEndpoint

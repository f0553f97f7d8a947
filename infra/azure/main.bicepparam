// Example parameters for main.bicep: replace the placeholders. Secrets are read from environment
// variables at deployment time, so none is written here:
//   export TEAMS_APP_PASSWORD=... SLACK_SIGNING_SECRET=... SLACK_BOT_TOKEN=... ADMIN_API_KEY=...
//   az deployment group create -g RESOURCE_GROUP -f infra/azure/main.bicep -p infra/azure/main.bicepparam
using 'main.bicep'

param name = 'skillbot'
param image = 'myregistry.azurecr.io/skillbot:1.0.0'
param registryServer = 'myregistry.azurecr.io'
param registryUsername = 'myregistry'
param registryPassword = readEnvironmentVariable('REGISTRY_PASSWORD', '')

// The Entra app registration made for the bot (az ad app create ...): its Application (client) ID.
param msaAppId = '00000000-0000-0000-0000-000000000000'
param msaAppType = 'SingleTenant'
param teamsAppPassword = readEnvironmentVariable('TEAMS_APP_PASSWORD')

// Leave the Slack ones unset when SkillBot is not in Slack.
param slackSigningSecret = readEnvironmentVariable('SLACK_SIGNING_SECRET', '')
param slackBotToken = readEnvironmentVariable('SLACK_BOT_TOKEN', '')
param adminApiKey = readEnvironmentVariable('ADMIN_API_KEY', '')

// With Redis (e.g. Azure Managed Redis) the app scales out; without it, it stays at one replica.
param redisConnection = readEnvironmentVariable('REDIS_CONNECTION', '')
// Progress checklists in Azure Database for PostgreSQL (README: "Azure Database for PostgreSQL"); with Redis, the app scales out.
param progressPostgresConnection = readEnvironmentVariable('PROGRESS_POSTGRES_CONNECTION', '')
param minReplicas = 1
param maxReplicas = 5

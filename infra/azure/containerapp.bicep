// SkillBot on Azure Container Apps: a Log Analytics workspace, a Container Apps environment and the app.

@description('Base name for the resources.')
param name string

param location string = resourceGroup().location

@description('The SkillBot image built from infra/docker/Dockerfile, e.g. myregistry.azurecr.io/skillbot:1.0.0.')
param image string

@description('Registry login server for a private image (e.g. myregistry.azurecr.io); empty for a public image.')
param registryServer string = ''

@description('Registry user name (for Azure Container Registry: the admin user or a token).')
param registryUsername string = ''

@secure()
param registryPassword string = ''

@description('Application (client) ID of the bot\'s Entra app registration (Teams__AppId).')
param msaAppId string

@description('Tenant of the app registration (Teams__TenantId); empty for a MultiTenant bot.')
param msaAppTenantId string

@description('The Entra app registration\'s client secret (Teams__AppPassword).')
@secure()
param teamsAppPassword string

@description('Slack app signing secret (Slack__SigningSecret); empty when Slack is not used.')
@secure()
param slackSigningSecret string = ''

@description('Slack bot token, xoxb-... (Slack__BotToken); empty when Slack is not used.')
@secure()
param slackBotToken string = ''

@description('Key for the admin endpoints, sent as X-Api-Key (Admin__ApiKey); empty turns them off.')
@secure()
param adminApiKey string = ''

@description('Redis connection string (Redis__Connection), e.g. Azure Managed Redis. Empty: state in memory and a single replica.')
@secure()
param redisConnection string = ''

@description('PostgreSQL connection string for progress checklists (Progress__PostgresConnection), e.g. Azure Database for PostgreSQL flexible server. Empty: a SQLite file in the replica, lost when it is replaced, and a single replica.')
@secure()
param progressPostgresConnection string = ''

@description('OTLP endpoint for metrics and traces (OTEL_EXPORTER_OTLP_ENDPOINT); empty: no export.')
param otlpEndpoint string = ''

@description('Serve the web chat page at / (WebChat__Enabled).')
param webChatEnabled bool = false

@description('At least one: Teams and Slack expect an answer within seconds, so no scaling to zero. More than one needs Redis.')
@minValue(1)
param minReplicas int = 1

@description('Used only with Redis: without it replicas cannot share state, so the app stays at one.')
@minValue(1)
param maxReplicas int = 5

param tags object = {}

// Secrets are created only for the values given; env vars point at them by name.
var secretSettings = [
  { env: 'Teams__AppPassword', secret: 'teams-app-password', value: teamsAppPassword }
  { env: 'Slack__SigningSecret', secret: 'slack-signing-secret', value: slackSigningSecret }
  { env: 'Slack__BotToken', secret: 'slack-bot-token', value: slackBotToken }
  { env: 'Admin__ApiKey', secret: 'admin-api-key', value: adminApiKey }
  { env: 'Redis__Connection', secret: 'redis-connection', value: redisConnection }
  { env: 'Progress__PostgresConnection', secret: 'progress-postgres-connection', value: progressPostgresConnection }
]
var givenSecrets = filter(secretSettings, s => !empty(s.value))
var usesRegistryPassword = !empty(registryServer) && !empty(registryPassword)

var plainSettings = concat(
  [
    { name: 'Teams__AppId', value: msaAppId }
    { name: 'WebChat__Enabled', value: webChatEnabled ? 'true' : 'false' }
  ],
  empty(msaAppTenantId) ? [] : [{ name: 'Teams__TenantId', value: msaAppTenantId }],
  empty(otlpEndpoint) ? [] : [{ name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: otlpEndpoint }]
)

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${name}-env'
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 8080
        transport: 'auto'
        allowInsecure: false // Teams and Slack call over HTTPS only
      }
      secrets: concat(
        map(givenSecrets, s => { name: s.secret, value: s.value }),
        usesRegistryPassword ? [{ name: 'registry-password', value: registryPassword }] : []
      )
      registries: usesRegistryPassword
        ? [
            {
              server: registryServer
              username: registryUsername
              passwordSecretRef: 'registry-password'
            }
          ]
        : []
    }
    template: {
      containers: [
        {
          name: 'skillbot'
          image: image
          // The image listens on 8080 (Urls) and serves the catalogue in /catalogue: build your own
          // catalogue into a derived image (see the README) to serve it here.
          env: concat(plainSettings, map(givenSecrets, s => { name: s.env, secretRef: s.secret }))
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          probes: [
            {
              type: 'Startup'
              httpGet: {
                path: '/healthz'
                port: 8080
              }
              periodSeconds: 2
              failureThreshold: 30
            }
            {
              type: 'Liveness'
              httpGet: {
                path: '/healthz'
                port: 8080
              }
              periodSeconds: 10
              timeoutSeconds: 2
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/readyz'
                port: 8080
              }
              periodSeconds: 5
              timeoutSeconds: 2
              failureThreshold: 3
            }
          ]
        }
      ]
      scale: {
        // Replicas share state through Redis and progress through PostgreSQL: without both, one replica.
        minReplicas: empty(redisConnection) || empty(progressPostgresConnection) ? 1 : minReplicas
        maxReplicas: empty(redisConnection) || empty(progressPostgresConnection) ? 1 : max(minReplicas, maxReplicas)
        rules: [
          {
            name: 'http-concurrency'
            http: {
              metadata: {
                concurrentRequests: '50'
              }
            }
          }
        ]
      }
    }
  }
}

@description('The app\'s public host name, for the bot\'s messaging endpoint and Slack\'s request URLs.')
output host string = app.properties.configuration.ingress.fqdn

// An Azure OpenAI setup as it is often first written: it works, and every security setting is left at
// its default. Public network access stays on, API keys stay on (the app calls the account with a
// key), data is encrypted with Microsoft-managed keys, and there is no private endpoint.

@description('Short name of the workload, used in every resource name.')
@minLength(3)
@maxLength(16)
param prefix string = 'contoso-chat'

@allowed([
  'dev'
  'test'
  'prod'
])
param environmentName string = 'dev'

param location string = resourceGroup().location

param tags object = {
  workload: prefix
  environment: environmentName
}

module openai 'modules/openai.bicep' = {
  name: 'openai-${environmentName}'
  params: {
    name: 'oai-${prefix}-${environmentName}'
    location: location
    tags: tags
  }
}

output endpoint string = openai.outputs.endpoint
output accountName string = openai.outputs.name

using './main.bicep'

param stage = 'dev'
param publicNetworkAccess = 'Enabled'
param disableLocalAuth = true

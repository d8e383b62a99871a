export { startGateway, type GatewayOptions, type RunningGateway } from './gateway.js';
export { schemaDir, readCheckedInSchemas } from './compose.js';
export { SUBGRAPHS, defaultSubgraphUrl, subgraphUrls, type SubgraphName } from './services.js';
export type { GatewayContext } from './context.js';
export { clientLimitsEnv, clientLimitsFromEnv, DEFAULT_CLIENT_LIMITS, type ClientLimitSettings } from './client-limits.js';
export {
  DEFAULT_PERSISTED_OPERATIONS,
  persistedOperationsEnv,
  persistedOperationsFromEnv,
  type PersistedOperationSettings,
} from './persisted-operations/persisted-operations.js';
export {
  createOperationLimits,
  defaultOperationLimits,
  DEFAULT_OPERATION_LIMITS,
  LIMIT_CODES,
  operationLimitsEnv,
  operationLimitsFromEnv,
  type OperationLimitSettings,
} from './operation-limits.js';

export { startPlatform, type Platform, type PlatformOptions } from './platform.js';
export { SERVICES, TOPOLOGY, type ServiceName } from './topology.js';
export { SERVICE_NAMES } from './service-names.js';

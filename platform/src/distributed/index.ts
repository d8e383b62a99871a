export { startDistributed, DEFAULT_REPLICAS, type DistributedOptions, type DistributedTopology, type Replica } from './topology.js';
export { startTcpBalancer, type TcpBalancer, type Upstream } from './balancer.js';
export { findNginx, renderTemplate, startNginx, upstreamServerLines, NGINX_TEMPLATE } from './nginx.js';

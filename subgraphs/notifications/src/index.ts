export { notifications } from './subgraph.js';
export { NotificationsErrorCode } from './errors.js';

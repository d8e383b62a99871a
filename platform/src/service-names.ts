/**
 * Every service of the platform by name, in start order: the subgraphs, then the workers. Light on purpose (no
 * service code): `npm start` opens their embedded databases from it before the services load.
 */
export const SERVICE_NAMES = ['users', 'products', 'inventory', 'orders', 'payments', 'notifications', 'support', 'analytics', 'assistant', 'shipping', 'purchasing', 'assignment'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

import { analytics } from '@shop/analytics';
import { assignment } from '@shop/assignment';
import { assistant } from '@shop/assistant';
import { topologyOf } from '@shop/events';
import type { AnyServiceDefinition } from '@shop/kernel';
import { inventory } from '@shop/inventory';
import { notifications } from '@shop/notifications';
import { orders } from '@shop/orders';
import { payments } from '@shop/payments';
import { products } from '@shop/products';
import { support } from '@shop/support';
import { shipping } from '@shop/shipping';
import { purchasing } from '@shop/purchasing';
import { users } from '@shop/users';
import type { ServiceName } from './service-names.js';

/** Every service of the platform, in start order: the subgraphs, then the workers. */
export const SERVICES = { users, products, inventory, orders, payments, notifications, support, analytics, assistant, shipping, purchasing, assignment } as const satisfies Record<ServiceName, AnyServiceDefinition>;
export type { ServiceName };

/** The broker's queues and bindings: each service's queue bound to the event types its consumers declare. */
export const TOPOLOGY = topologyOf(Object.values(SERVICES).map((s: AnyServiceDefinition) => ({ consumer: s.name, events: (s.consumers ?? []).flatMap((c) => c.events) })));

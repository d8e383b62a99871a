import { topologyOf } from '@shop/events';
import type { AnySubgraphDefinition } from '@shop/kernel';
import { inventory } from '@shop/inventory';
import { orders } from '@shop/orders';
import { payments } from '@shop/payments';
import { products } from '@shop/products';
import { users } from '@shop/users';

/** Every service of the platform, in start order. */
export const SERVICES = { users, products, inventory, orders, payments } as const satisfies Record<string, AnySubgraphDefinition>;
export type ServiceName = keyof typeof SERVICES;

/** The broker's queues and bindings: each service's queue bound to the event types its consumers declare. */
export const TOPOLOGY = topologyOf(Object.values(SERVICES).map((s: AnySubgraphDefinition) => ({ consumer: s.name, events: (s.consumers ?? []).flatMap((c) => c.events) })));

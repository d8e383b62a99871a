import { inbox, outbox } from '@shop/events';

// The event tables live in @shop/events; each service migrates its own copy.
export { inbox, outbox };

export const schema = { inbox, outbox };
export type PurchasingSchema = typeof schema;

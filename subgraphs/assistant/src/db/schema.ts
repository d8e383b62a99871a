import { inbox, outbox } from '@shop/events';

// The event tables live in @shop/events; each subgraph migrates its own copy.
export { inbox, outbox };

export const schema = { outbox, inbox };
export type AssistantSchema = typeof schema;

import { subgraphCodegen } from '@shop/tsconfig/subgraph-codegen';

export default subgraphCodegen('SupportContext', {
  Ticket: '../../db/schema.js#TicketRow',
  TicketMessage: '../../db/schema.js#TicketMessageRow',
  TicketStatusChange: '../../db/schema.js#TicketStatusHistoryRow',
  Order: '../parents.js#OrderParent',
  User: '../parents.js#UserParent',
});

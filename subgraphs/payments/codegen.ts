import { subgraphCodegen } from '@shop/tsconfig/subgraph-codegen';

export default subgraphCodegen('PaymentsContext', { Payment: '../../db/schema.js#PaymentRow', Order: '../references.js#OrderReference' });

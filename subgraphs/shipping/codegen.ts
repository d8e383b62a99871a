import { subgraphCodegen } from '@shop/tsconfig/subgraph-codegen';

export default subgraphCodegen('ShippingContext', {
  ShippingMethod: '../../db/schema.js#ShippingMethodRow',
  Shipment: '../../db/schema.js#ShipmentRow',
  ShippingQuote: '../../domain/quotes.js#Quote',
  Order: '../parents.js#OrderParent',
});

import { cacheExchange, type Cache, type CacheExchangeOpts, type Resolver } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';

/** Drops every cached page of a list field so the next read goes to the network (a mutation changed its members). */
function invalidateField(cache: Cache, entity: string, fieldName: string) {
  for (const field of cache.inspectFields(entity)) {
    if (field.fieldName === fieldName) cache.invalidate(entity, field.fieldName, field.arguments ?? undefined);
  }
}

type Data = Record<string, any>;

/**
 * A single-entity query (`product(id)`, `order(id)`) read from an entity already in the cache (a list or another page
 * brought it). An answer of null stays null: the thing does not exist or is not the viewer's, and the page says so
 * instead of taking it for a cache miss.
 */
function byId(typename: string): Resolver {
  return (_parent, args, cache, info) => {
    const answered = cache.resolve(info.parentKey, info.fieldName, args);
    if (answered === null) return null;
    return answered ?? { __typename: typename, id: args.id as string };
  };
}

/**
 * The normalized cache: Product, Order, Payment, Cart, User... are stored once by id, so a subscription
 * event about a product (stockChanged) or an order (orderStatusChanged) updates every view showing it.
 * Types without an id are embedded in their parent (key null).
 */
export const cacheConfig: CacheExchangeOpts = {
  keys: {
    Money: () => null,
    Stock: () => null,
    WarehouseStock: () => null,
    PageInfo: () => null,
    ProductConnection: () => null,
    ProductEdge: () => null,
    OrderConnection: () => null,
    OrderEdge: () => null,
    StockMovementConnection: () => null,
    StockMovementEdge: () => null,
    // Back office lists and an order's history entries.
    UserConnection: () => null,
    UserEdge: () => null,
    StockOverviewConnection: () => null,
    StockOverviewEdge: () => null,
    OrderStatusChange: () => null,
    CartLine: () => null,
    OrderLine: () => null,
    UserError: () => null,
    AuthPayload: () => null,
    CartPayload: () => null,
    ProductPayload: () => null,
    StockPayload: () => null,
    OrderPayload: () => null,
    PaymentPayload: () => null,
  },
  resolvers: {
    Query: {
      // "Load more" asks for the next page by cursor; the cache appends it to the pages already shown.
      products: relayPagination(),
      orders: relayPagination(),
      users: relayPagination(),
      stockOverview: relayPagination(),
      product: byId('Product'),
      order: byId('Order'),
    },
    Product: { stockMovements: relayPagination() },
    User: { orders: relayPagination(), products: relayPagination() },
  },
  updates: {
    Mutation: {
      createProduct(result: Data, _args, cache) {
        if (!result.createProduct?.product) return;
        invalidateField(cache, 'Query', 'products');
        const seller = result.createProduct.product.seller;
        if (seller?.id) invalidateField(cache, cache.keyOfEntity({ __typename: 'User', id: seller.id })!, 'products');
      },
      updateProduct(result: Data, _args, cache) {
        // A changed price or status can move the product within or out of sorted and filtered lists.
        if (result.updateProduct?.product) invalidateField(cache, 'Query', 'products');
      },
      adjustStock(result: Data, args, cache) {
        const productId = (args.input as { productId: string }).productId;
        if (result.adjustStock?.product) invalidateField(cache, cache.keyOfEntity({ __typename: 'Product', id: productId })!, 'stockMovements');
      },
      placeOrder(result: Data, _args, cache) {
        if (!result.placeOrder?.order) return;
        // The cart was ordered and emptied server-side; the new order heads the viewer's list.
        invalidateField(cache, 'Query', 'cart');
        const me = cache.resolve('Query', 'me') as string | null;
        if (me) invalidateField(cache, me, 'orders');
      },
      payOrder(result: Data, args, cache) {
        const payment = result.payOrder?.payment;
        if (payment) linkLatestPayment(cache, (args.input as { orderId: string }).orderId, payment);
      },
    },
    Subscription: {
      paymentStatusChanged(result: Data, args, cache) {
        if (result.paymentStatusChanged) linkLatestPayment(cache, args.orderId as string, result.paymentStatusChanged);
      },
    },
  },
};

/** A new payment attempt becomes the order's `payment` and joins its `payments`, so the stepper follows it. */
function linkLatestPayment(cache: Cache, orderId: string, payment: { __typename?: string; id: string }) {
  const order = { __typename: 'Order', id: orderId };
  const paymentRef = { __typename: 'Payment', id: payment.id };
  cache.link(order, 'payment', paymentRef);
  const payments = cache.resolve(order, 'payments') as string[] | null;
  const key = cache.keyOfEntity(paymentRef);
  if (payments && key && !payments.includes(key)) cache.link(order, 'payments', [...payments, key]);
}

export const shopCacheExchange = () => cacheExchange(cacheConfig);

import { cacheExchange, type Cache, type CacheExchangeOpts, type Resolver } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import { NotificationReadFragment as NOTIFICATION_READ, UnreadCountFragment as UNREAD_COUNT, ViewerPreferencesFragment as VIEWER_PREFERENCES } from '../operations/notifications';

/** Drops every cached page of a list field so the next read goes to the network (a mutation changed its members). */
function invalidateField(cache: Cache, entity: string, fieldName: string) {
  for (const field of cache.inspectFields(entity)) {
    if (field.fieldName === fieldName) cache.invalidate(entity, field.fieldName, field.arguments ?? undefined);
  }
}

/** Drops a list field of the signed-in viewer (`me`) so its views read it again. */
function invalidateViewerField(cache: Cache, fieldName: string) {
  const me = cache.resolve('Query', 'me') as string | null;
  if (me) invalidateField(cache, me, fieldName);
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
    SetLowStockThresholdPayload: () => null,
    // Notifications and support.
    NotificationConnection: () => null,
    NotificationEdge: () => null,
    NotificationsPayload: () => null,
    NotificationPreference: () => null,
    NotificationPreferencesPayload: () => null,
    TicketConnection: () => null,
    TicketEdge: () => null,
    TicketStatusChange: () => null,
    TicketPayload: () => null,
    // Dashboards (figures over a range, forecasts) and the assistant: values of their query, no identity of their own.
    SalesReport: () => null,
    SalesPoint: () => null,
    ProductSales: () => null,
    CategorySales: () => null,
    InventoryHealth: () => null,
    DemandForecast: () => null,
    CategoryForecast: () => null,
    ForecastPoint: () => null,
    ForecastAccuracy: () => null,
    WarehouseReorder: () => null,
    AssistantAnswer: () => null,
    AssistantPayload: () => null,
    // Channels and supply. An Address is a value: an order's snapshot carries the id of the saved address it was
    // copied from, so normalizing by id would show a later edit of the saved one on the order.
    Address: () => null,
    AddressPayload: () => null,
    ShippingQuote: () => null,
    ImageRendition: () => null,
    StoreSalePayload: () => null,
    SupplierPayload: () => null,
    ReorderPayload: () => null,
    ProductSupplierPayload: () => null,
    WarehousePayload: () => null,
  },
  resolvers: {
    Query: {
      // "Load more" asks for the next page by cursor; the cache appends it to the pages already shown.
      products: relayPagination(),
      orders: relayPagination(),
      users: relayPagination(),
      stockOverview: relayPagination(),
      supportQueue: relayPagination(),
      product: byId('Product'),
      order: byId('Order'),
      ticket: byId('Ticket'),
    },
    Product: { stockMovements: relayPagination() },
    User: { orders: relayPagination(), products: relayPagination(), notifications: relayPagination(), tickets: relayPagination() },
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
      markNotificationsRead(result: Data, args, cache) {
        const payload = result.markNotificationsRead;
        if (!payload || payload.errors?.length) return;
        const me = cache.resolve('Query', 'me') as string | null;
        if (me) cache.writeFragment(UNREAD_COUNT, { id: cache.resolve(me, 'id') as string, unreadNotificationCount: payload.unreadNotificationCount });
        // The named ones, or (ids omitted) every notification the cache holds.
        const ids = (args.ids as string[] | null | undefined) ?? null;
        const keys = ids ? ids.map((id) => cache.keyOfEntity({ __typename: 'Notification', id })) : cachedNotificationKeys(cache, me);
        for (const key of keys) if (key) cache.writeFragment(NOTIFICATION_READ, { id: cache.resolve(key, 'id') as string, read: true });
      },
      setNotificationPreference(result: Data, _args, cache) {
        const payload = result.setNotificationPreference;
        const me = cache.resolve('Query', 'me') as string | null;
        // The preferences have no id of their own: the answer's list becomes the viewer's.
        if (me && payload && !payload.errors?.length) cache.writeFragment(VIEWER_PREFERENCES, { id: cache.resolve(me, 'id') as string, notificationPreferences: payload.preferences });
      },
      addAddress(result: Data, _args, cache) {
        if (result.addAddress?.address) invalidateViewerField(cache, 'addresses');
      },
      updateAddress(result: Data, _args, cache) {
        if (result.updateAddress?.address) invalidateViewerField(cache, 'addresses');
      },
      removeAddress(result: Data, _args, cache) {
        if (result.removeAddress?.address) invalidateViewerField(cache, 'addresses');
      },
      createSupplier(result: Data, _args, cache) {
        if (result.createSupplier?.supplier) invalidateField(cache, 'Query', 'suppliers');
      },
      createReorder(result: Data, _args, cache) {
        if (result.createReorder?.reorder) invalidateField(cache, 'Query', 'reorderRequests');
      },
      advanceReorder(result: Data, _args, cache) {
        // The request leaves its status's list (and a received one restocked a warehouse).
        if (result.advanceReorder?.reorder) invalidateField(cache, 'Query', 'reorderRequests');
      },
      advanceShipment(result: Data, _args, cache) {
        if (result.advanceShipment) invalidateField(cache, 'Query', 'shipments');
      },
      transferStock(result: Data, args, cache) {
        const productId = (args.input as { productId: string }).productId;
        if (result.transferStock?.product) invalidateField(cache, cache.keyOfEntity({ __typename: 'Product', id: productId })!, 'stockMovements');
      },
      openTicket(result: Data, args, cache) {
        if (!result.openTicket?.ticket) return;
        const orderId = (args.input as { orderId: string }).orderId;
        // Order.tickets is a plain list: read again from the network with the new ticket in it.
        cache.invalidate({ __typename: 'Order', id: orderId }, 'tickets');
        const me = cache.resolve('Query', 'me') as string | null;
        if (me) invalidateField(cache, me, 'tickets');
        invalidateField(cache, 'Query', 'supportQueue');
      },
      replyToTicket(result: Data, _args, cache) {
        // A staff reply moves an OPEN ticket to IN_PROGRESS, a customer's reopens a RESOLVED one: the queue's filters see it.
        if (result.replyToTicket?.ticket) invalidateField(cache, 'Query', 'supportQueue');
      },
      setTicketStatus(result: Data, _args, cache) {
        if (result.setTicketStatus?.ticket) invalidateField(cache, 'Query', 'supportQueue');
      },
    },
    Subscription: {
      notificationAdded(result: Data, _args, cache) {
        const added = result.notificationAdded as { id: string; read: boolean } | undefined;
        if (added) countNotification(cache, added);
      },
      paymentStatusChanged(result: Data, args, cache) {
        if (result.paymentStatusChanged) linkLatestPayment(cache, args.orderId as string, result.paymentStatusChanged);
      },
    },
  },
};

/** Every Notification entity reachable from the viewer's cached feed pages. */
function cachedNotificationKeys(cache: Cache, me: string | null): string[] {
  if (!me) return [];
  const keys: string[] = [];
  for (const field of cache.inspectFields(me)) {
    if (field.fieldName !== 'notifications') continue;
    const connection = cache.resolve(me, field.fieldKey) as string | null;
    const edges = connection ? ((cache.resolve(connection, 'edges') as string[] | null) ?? []) : [];
    for (const edge of edges) {
      const node = cache.resolve(edge, 'node') as string | null;
      if (node) keys.push(node);
    }
  }
  return keys;
}

/**
 * A notification the subscription pushed raises the bell's count. An open feed reads its first page again itself
 * (NotificationsPage): an edge has no key of its own to link in from here, and relayPagination merges that page.
 */
function countNotification(cache: Cache, added: { id: string; read: boolean }) {
  const me = cache.resolve('Query', 'me') as string | null;
  if (!me || added.read) return;
  const count = cache.resolve(me, 'unreadNotificationCount');
  if (typeof count === 'number') cache.writeFragment(UNREAD_COUNT, { id: cache.resolve(me, 'id') as string, unreadNotificationCount: count + 1 });
}

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

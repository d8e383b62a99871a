import { demo } from '@shop/demo-store';
import { demoSentReorder, demoSuppliers } from '@shop/purchasing/demo';

/**
 * Who may call what: every Query, Mutation and Subscription root field of the composed public schema, for each kind
 * of caller, with the outcome each must get through the gateway. authorization-matrix.test.ts runs every cell with real
 * tokens on the whole platform and fails when a root field of schema/api.graphql has no row here.
 *
 * Outcomes: ALLOWED (served, whatever the domain then says), UNAUTHENTICATED, FORBIDDEN (a GraphQL error or a
 * payload's FORBIDDEN), NOT_YOURS (someone else's object looks missing: null, or a payload's NOT_FOUND).
 */
export const CALLERS = ['anonymous', 'customerA', 'customerB', 'sellerA', 'sellerB', 'admin'] as const;
export type Caller = (typeof CALLERS)[number];
export type Outcome = 'ALLOWED' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_YOURS';

/** What the cells act on: sellerA's product, customerA's orders (each cell that changes one gets its own). */
export interface MatrixFixtures {
  productA: string;
  warehouse: string;
  /** A new order of customerA, awaiting payment. */
  newOrderOfA(): Promise<string>;
  /** An order of customerA that is paid (for advanceOrder). */
  paidOrderOfA: string;
  /** Its number, as customers quote it (ORD-000001). */
  paidOrderNumberOfA: string;
  /** A string unique to this cell (SKUs, e-mails, idempotency keys). */
  unique(): string;
  /** One support ticket of customerA (about paidOrderOfA), opened once and shared by the cells that only read or reply. */
  ticketOfA(): Promise<string>;
  /** A new OPEN ticket of customerA, for a cell that changes its status. */
  newTicketOfA(): Promise<string>;
  /** Resolves once the first forecast batch has forecast productA and its category (the cells then tell who may see them). */
  forecastsReady(): Promise<void>;
  /** The category of productA. */
  categoryA: string;
  /** A conversation of customerA with the assistant (one question asked). */
  conversationOfA(): Promise<string>;
  /** A new saved address of customerA, one per call: updateAddress's and removeAddress's cells each act on their own. */
  newAddressOfA(): Promise<string>;
  /** A shipment (LABEL_CREATED) of customerA's paid order, staged once in shipping's database. */
  shipmentOfA(): Promise<string>;
  /** A new image of productA (rows staged in products' database, one per call): removeProductImage's cells each remove their own. */
  newImageOfProductA(): Promise<string>;
  /** One counter sale at sellerA's demo shop (rung up once by sellerA, shared by the cells that read it). */
  storeSaleOfA(): Promise<string>;
  /** sellerA's demo shop (a STORE warehouse). */
  storeOfA: string;
  /** A product of sellerA the demo shop holds units of (one per recordStoreSale cell that may sell). */
  storeProductOfA: string;
}

export interface Operation {
  query: string;
  variables?: Record<string, unknown>;
}

export interface MatrixRow {
  kind: 'Query' | 'Mutation' | 'Subscription';
  field: string;
  operation(fixtures: MatrixFixtures, caller: Caller): Promise<Operation> | Operation;
  expect: Record<Caller, Outcome>;
}

const everyone = (outcome: Outcome): Record<Caller, Outcome> => ({ anonymous: outcome, customerA: outcome, customerB: outcome, sellerA: outcome, sellerB: outcome, admin: outcome });
const signedIn: Record<Caller, Outcome> = { ...everyone('ALLOWED'), anonymous: 'UNAUTHENTICATED' };
const sellersAndAdmins: Record<Caller, Outcome> = { anonymous: 'UNAUTHENTICATED', customerA: 'FORBIDDEN', customerB: 'FORBIDDEN', sellerA: 'ALLOWED', sellerB: 'ALLOWED', admin: 'ALLOWED' };
const productOwnerAndAdmins: Record<Caller, Outcome> = { ...sellersAndAdmins, sellerB: 'FORBIDDEN' };
const adminsOnly: Record<Caller, Outcome> = { anonymous: 'UNAUTHENTICATED', customerA: 'FORBIDDEN', customerB: 'FORBIDDEN', sellerA: 'FORBIDDEN', sellerB: 'FORBIDDEN', admin: 'ALLOWED' };
const orderOwnerAndAdmins = (others: Outcome): Record<Caller, Outcome> => ({ anonymous: 'UNAUTHENTICATED', customerA: 'ALLOWED', customerB: others, sellerA: others, sellerB: others, admin: 'ALLOWED' });
const card = { number: '4242 4242 4242 4242', expMonth: 12, expYear: new Date().getUTCFullYear() + 2, cvc: '123' };
const ORDER_PAYLOAD = 'order { id number status total { amount } customer { id } } errors { code message }';
const TICKET_PAYLOAD = 'ticket { id number status messages { body } } errors { code message }';
const ADDRESS_PAYLOAD = 'address { id recipient line1 region } errors { code message }';
const ADDRESS = { recipient: 'Camila Rojas', line1: 'Carrera 7 # 72-41', city: 'Bogotá', region: 'Bogotá D.C.', country: 'CO' };
const SUPPLIER_PAYLOAD = 'supplier { id name seller { id } } errors { code message }';
const REORDER_PAYLOAD = 'reorder { id status quantity supplier { id } } errors { code message }';
/** sellerA's first demo supplier (purchasing's seed). */
const SUPPLIER_OF_A = demoSuppliers.find((s) => s.sellerId === demo.sellers[0].id)!;

export const AUTHORIZATION_MATRIX: MatrixRow[] = [
  // Queries
  { kind: 'Query', field: 'me', operation: () => ({ query: '{ me { id name email roles } }' }), expect: { ...everyone('ALLOWED'), anonymous: 'NOT_YOURS' } },
  { kind: 'Query', field: 'categories', operation: () => ({ query: '{ categories { id name } }' }), expect: everyone('ALLOWED') },
  { kind: 'Query', field: 'products', operation: () => ({ query: '{ products(first: 2) { totalCount edges { node { id name seller { id name } } } } }' }), expect: everyone('ALLOWED') },
  { kind: 'Query', field: 'product', operation: (f) => ({ query: 'query($id: ID!) { product(id: $id) { id name seller { name } stock { available } } }', variables: { id: f.productA } }), expect: everyone('ALLOWED') },
  { kind: 'Query', field: 'warehouses', operation: () => ({ query: '{ warehouses(kind: STORE) { id name kind seller { id } } }' }), expect: everyone('ALLOWED') },
  { kind: 'Query', field: 'cart', operation: () => ({ query: '{ cart { id lines { quantity } } }' }), expect: signedIn },
  {
    kind: 'Query',
    field: 'order',
    operation: async (f) => ({ query: 'query($id: ID!) { order(id: $id) { id number status total { amount } customer { id name } payment { id cardLast4 } } }', variables: { id: await f.newOrderOfA() } }),
    expect: orderOwnerAndAdmins('NOT_YOURS'),
  },
  {
    kind: 'Query',
    field: 'orderByNumber',
    operation: (f) => ({ query: 'query($n: String!) { orderByNumber(number: $n) { id number status customer { id } history { to by { id } } } }', variables: { n: f.paidOrderNumberOfA } }),
    expect: orderOwnerAndAdmins('NOT_YOURS'),
  },
  { kind: 'Query', field: 'orders', operation: () => ({ query: '{ orders(first: 2) { totalCount edges { node { id number customer { id } } } } }' }), expect: adminsOnly },
  { kind: 'Query', field: 'users', operation: () => ({ query: '{ users(first: 2) { totalCount edges { node { id name email roles } } } }' }), expect: adminsOnly },
  { kind: 'Query', field: 'ticket', operation: async (f) => ({ query: 'query($id: ID!) { ticket(id: $id) { id number subject messages { body } } }', variables: { id: await f.ticketOfA() } }), expect: orderOwnerAndAdmins('NOT_YOURS') },
  { kind: 'Query', field: 'supportQueue', operation: () => ({ query: '{ supportQueue(first: 2) { totalCount edges { node { id subject customer { id } } } } }' }), expect: adminsOnly },
  { kind: 'Query', field: 'stockOverview', operation: () => ({ query: '{ stockOverview(first: 2) { totalCount edges { node { id stock { available lowStock } } } } }' }), expect: adminsOnly },
  // Analytics and forecasts: sellers see their own products, admins everything, customers nothing.
  { kind: 'Query', field: 'salesReport', operation: () => ({ query: 'query($from: DateTime!, $to: DateTime!) { salesReport(from: $from, to: $to) { totals { units revenue { amount } } topProducts(first: 3) { product { id } units } } }', variables: { from: new Date(Date.now() - 30 * 86_400_000).toISOString(), to: new Date().toISOString() } }), expect: sellersAndAdmins },
  { kind: 'Query', field: 'inventoryHealth', operation: () => ({ query: '{ inventoryHealth(first: 5) { product { id } available daysOfCover deadStock } }' }), expect: sellersAndAdmins },
  // Nullable fields: a caller without the role, or another seller's product, gets null, as for a product without a forecast.
  {
    kind: 'Query',
    field: 'demandForecast',
    operation: async (f) => (await f.forecastsReady(), { query: 'query($id: ID!) { demandForecast(productId: $id, days: 7) { days points { expected } suggestedReorder } }', variables: { id: f.productA } }),
    expect: { anonymous: 'UNAUTHENTICATED', customerA: 'NOT_YOURS', customerB: 'NOT_YOURS', sellerA: 'ALLOWED', sellerB: 'NOT_YOURS', admin: 'ALLOWED' },
  },
  {
    kind: 'Query',
    field: 'categoryForecast',
    operation: async (f) => (await f.forecastsReady(), { query: 'query($id: ID!) { categoryForecast(categoryId: $id, days: 7) { days points { expected } } }', variables: { id: f.categoryA } }),
    expect: { ...everyone('NOT_YOURS'), anonymous: 'UNAUTHENTICATED', admin: 'ALLOWED' },
  },
  // The assistant: every signed-in user, each with conversations of their own.
  { kind: 'Query', field: 'assistantSuggestions', operation: () => ({ query: '{ assistantSuggestions }' }), expect: signedIn },
  { kind: 'Query', field: 'assistantConversations', operation: () => ({ query: '{ assistantConversations(first: 3) { id messages { text } } }' }), expect: signedIn },
  {
    kind: 'Query',
    field: 'assistantConversation',
    operation: async (f) => ({ query: 'query($id: ID!) { assistantConversation(id: $id) { id messages { role text } } }', variables: { id: await f.conversationOfA() } }),
    expect: { anonymous: 'UNAUTHENTICATED', customerA: 'ALLOWED', customerB: 'NOT_YOURS', sellerA: 'NOT_YOURS', sellerB: 'NOT_YOURS', admin: 'NOT_YOURS' },
  },
  // Shipping: methods and quotes are public (a shopper compares before signing in); shipments are the admins'.
  { kind: 'Query', field: 'shippingMethods', operation: () => ({ query: '{ shippingMethods { id name carrier } }' }), expect: everyone('ALLOWED') },
  {
    kind: 'Query',
    field: 'shippingQuotes',
    operation: (f) => ({ query: 'query($ids: [ID!]!) { shippingQuotes(region: "Antioquia", productIds: $ids) { method { id } cost { amount currency } estimatedDays } }', variables: { ids: [f.productA, f.productA] } }),
    expect: everyone('ALLOWED'),
  },
  { kind: 'Query', field: 'shipments', operation: () => ({ query: '{ shipments { id trackingNumber status order { id } } }' }), expect: adminsOnly },
  // Mutations
  { kind: 'Mutation', field: 'register', operation: (f) => ({ query: 'mutation($i: RegisterInput!) { register(input: $i) { token errors { code } } }', variables: { i: { email: `m-${f.unique()}@example.test`, password: 'long-enough-pass', name: 'Matrix' } } }), expect: everyone('ALLOWED') },
  { kind: 'Mutation', field: 'login', operation: () => ({ query: 'mutation { login(email: "cliente@artesanias.test", password: "cliente-demo-2026") { token errors { code } } }' }), expect: everyone('ALLOWED') },
  { kind: 'Mutation', field: 'addToCart', operation: (f) => ({ query: 'mutation($p: ID!) { addToCart(productId: $p, quantity: 1) { cart { id } errors { code } } }', variables: { p: f.productA } }), expect: signedIn },
  { kind: 'Mutation', field: 'setCartLine', operation: (f) => ({ query: 'mutation($p: ID!) { setCartLine(productId: $p, quantity: 0) { cart { id } errors { code } } }', variables: { p: f.productA } }), expect: signedIn },
  {
    kind: 'Mutation',
    field: 'placeOrder',
    operation: (f) => ({ query: `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { ${ORDER_PAYLOAD} } }`, variables: { i: { lines: [{ productId: f.productA, quantity: 1 }], idempotencyKey: f.unique() } } }),
    expect: signedIn,
  },
  { kind: 'Mutation', field: 'cancelOrder', operation: async (f) => ({ query: `mutation($id: ID!) { cancelOrder(id: $id) { ${ORDER_PAYLOAD} } }`, variables: { id: await f.newOrderOfA() } }), expect: orderOwnerAndAdmins('NOT_YOURS') },
  {
    kind: 'Mutation',
    field: 'advanceOrder',
    operation: (f) => ({ query: `mutation($id: ID!) { advanceOrder(id: $id, status: SHIPPED) { ${ORDER_PAYLOAD} } }`, variables: { id: f.paidOrderOfA } }),
    expect: adminsOnly,
  },
  {
    kind: 'Mutation',
    field: 'payOrder',
    operation: async (f) => ({
      query: 'mutation($i: PayOrderInput!) { payOrder(input: $i) { payment { id amount { amount } cardLast4 } errors { code message } } }',
      variables: { i: { orderId: await f.newOrderOfA(), method: 'CARD', card, idempotencyKey: f.unique() } },
    }),
    expect: orderOwnerAndAdmins('NOT_YOURS'),
  },
  {
    kind: 'Mutation',
    field: 'createProduct',
    operation: (f) => ({ query: 'mutation($i: CreateProductInput!) { createProduct(input: $i) { product { id } errors { code message } } }', variables: { i: { sku: `MX-${f.unique()}`, name: 'Matrix', description: 'x', price: '1000' } } }),
    expect: sellersAndAdmins,
  },
  {
    kind: 'Mutation',
    field: 'updateProduct',
    operation: (f) => ({ query: 'mutation($id: ID!, $i: UpdateProductInput!) { updateProduct(id: $id, input: $i) { product { id } errors { code message } } }', variables: { id: f.productA, i: { description: `edited ${f.unique()}` } } }),
    expect: productOwnerAndAdmins,
  },
  {
    kind: 'Mutation',
    field: 'adjustStock',
    operation: (f) => ({
      query: 'mutation($i: AdjustStockInput!) { adjustStock(input: $i) { product { id stock { onHand } } errors { code message } } }',
      variables: { i: { productId: f.productA, warehouseId: f.warehouse, delta: 1, reason: 'RESTOCK' } },
    }),
    expect: productOwnerAndAdmins,
  },
  {
    kind: 'Mutation',
    field: 'setLowStockThreshold',
    operation: (f) => ({
      query: 'mutation($p: ID!, $t: Int!) { setLowStockThreshold(productId: $p, threshold: $t) { product { id lowStockThreshold } errors { code message } } }',
      variables: { p: f.productA, t: 5 },
    }),
    expect: productOwnerAndAdmins,
  },
  // Saved addresses: each viewer's own only. Anyone else's, an admin's too, is NOT_FOUND like an address that does not exist.
  { kind: 'Mutation', field: 'addAddress', operation: () => ({ query: `mutation($i: AddressInput!) { addAddress(input: $i) { ${ADDRESS_PAYLOAD} } }`, variables: { i: ADDRESS } }), expect: signedIn },
  {
    kind: 'Mutation',
    field: 'updateAddress',
    operation: async (f) => ({ query: `mutation($id: ID!, $i: AddressInput!) { updateAddress(id: $id, input: $i) { ${ADDRESS_PAYLOAD} } }`, variables: { id: await f.newAddressOfA(), i: { ...ADDRESS, line2: `Matrix ${f.unique()}` } } }),
    expect: { ...orderOwnerAndAdmins('NOT_YOURS'), admin: 'NOT_YOURS' },
  },
  {
    kind: 'Mutation',
    field: 'removeAddress',
    operation: async (f) => ({ query: `mutation($id: ID!) { removeAddress(id: $id) { ${ADDRESS_PAYLOAD} } }`, variables: { id: await f.newAddressOfA() } }),
    expect: { ...orderOwnerAndAdmins('NOT_YOURS'), admin: 'NOT_YOURS' },
  },
  {
    kind: 'Mutation',
    field: 'removeProductImage',
    operation: async (f) => ({ query: 'mutation($p: ID!, $i: ID!) { removeProductImage(productId: $p, imageId: $i) { product { id } errors { code message } } }', variables: { p: f.productA, i: await f.newImageOfProductA() } }),
    expect: productOwnerAndAdmins,
  },
  // Favourites: always the viewer's own (User.favorites is @ownerOrAdmin: users' favorites.test.ts).
  { kind: 'Mutation', field: 'addFavorite', operation: (f) => ({ query: 'mutation($p: ID!) { addFavorite(productId: $p) }', variables: { p: f.productA } }), expect: signedIn },
  { kind: 'Mutation', field: 'removeFavorite', operation: (f) => ({ query: 'mutation($p: ID!) { removeFavorite(productId: $p) }', variables: { p: f.productA } }), expect: signedIn },
  // Each viewer's own notifications and preferences only (ids of someone else's change nothing: notifications' tests).
  { kind: 'Mutation', field: 'markNotificationsRead', operation: () => ({ query: 'mutation { markNotificationsRead { unreadNotificationCount errors { code message } } }' }), expect: signedIn },
  {
    kind: 'Mutation',
    field: 'setNotificationPreference',
    operation: () => ({ query: 'mutation { setNotificationPreference(kind: ORDER_SHIPPED, email: true) { preferences { kind email } errors { code message } } }' }),
    expect: signedIn,
  },
  {
    kind: 'Mutation',
    field: 'openTicket',
    // Only on the viewer's own order: anyone else's (an admin's too) is NOT_FOUND, as an order that does not exist.
    operation: (f) => ({ query: `mutation($i: OpenTicketInput!) { openTicket(input: $i) { ${TICKET_PAYLOAD} } }`, variables: { i: { orderId: f.paidOrderOfA, subject: `Matrix ${f.unique()}`, message: 'Hola' } } }),
    expect: { ...orderOwnerAndAdmins('NOT_YOURS'), admin: 'NOT_YOURS' },
  },
  {
    kind: 'Mutation',
    field: 'replyToTicket',
    operation: async (f) => ({ query: `mutation($id: ID!) { replyToTicket(ticketId: $id, message: "matrix") { ${TICKET_PAYLOAD} } }`, variables: { id: await f.ticketOfA() } }),
    expect: orderOwnerAndAdmins('NOT_YOURS'),
  },
  {
    kind: 'Mutation',
    field: 'setTicketStatus',
    operation: async (f) => ({ query: `mutation($id: ID!) { setTicketStatus(ticketId: $id, status: CLOSED) { ${TICKET_PAYLOAD} } }`, variables: { id: await f.newTicketOfA() } }),
    expect: orderOwnerAndAdmins('NOT_YOURS'),
  },
  // Another user's conversation looks missing: the question gets NOT_FOUND and nothing is added to it.
  {
    kind: 'Mutation',
    field: 'askAssistant',
    operation: async (f) => ({ query: 'mutation($c: ID!) { askAssistant(question: "hola", conversationId: $c) { answer { conversationId } errors { code } } }', variables: { c: await f.conversationOfA() } }),
    expect: { anonymous: 'UNAUTHENTICATED', customerA: 'ALLOWED', customerB: 'NOT_YOURS', sellerA: 'NOT_YOURS', sellerB: 'NOT_YOURS', admin: 'NOT_YOURS' },
  },
  { kind: 'Mutation', field: 'rebuildAnalytics', operation: () => ({ query: 'mutation { rebuildAnalytics }' }), expect: adminsOnly },
  // The status it has already: true and no change for an admin, so the shared shipment stays as it is for every cell.
  { kind: 'Mutation', field: 'advanceShipment', operation: async (f) => ({ query: 'mutation($id: ID!) { advanceShipment(id: $id, status: LABEL_CREATED) }', variables: { id: await f.shipmentOfA() } }), expect: adminsOnly },
  // Purchasing: suppliers and reorder requests are their seller's (sellerA's demo ones here); another seller's look missing.
  { kind: 'Query', field: 'suppliers', operation: () => ({ query: '{ suppliers { id name leadTimeDays seller { id } } }' }), expect: sellersAndAdmins },
  { kind: 'Query', field: 'reorderRequests', operation: () => ({ query: '{ reorderRequests { id status quantity supplier { name } product { id } } }' }), expect: sellersAndAdmins },
  {
    kind: 'Mutation',
    field: 'createSupplier',
    // An admin names the seller; a seller's is their own.
    operation: (f, caller) => ({
      query: `mutation($i: SupplierInput!, $s: ID) { createSupplier(input: $i, sellerId: $s) { ${SUPPLIER_PAYLOAD} } }`,
      variables: { i: { name: `Matrix ${f.unique()}`, leadTimeDays: 5 }, s: caller === 'admin' ? SUPPLIER_OF_A.sellerId : null },
    }),
    expect: sellersAndAdmins,
  },
  {
    kind: 'Mutation',
    field: 'updateSupplier',
    operation: () => ({ query: `mutation($id: ID!, $i: SupplierInput!) { updateSupplier(id: $id, input: $i) { ${SUPPLIER_PAYLOAD} } }`, variables: { id: SUPPLIER_OF_A.id, i: { name: SUPPLIER_OF_A.name, contactEmail: SUPPLIER_OF_A.contactEmail, leadTimeDays: SUPPLIER_OF_A.leadTimeDays } } }),
    expect: { ...sellersAndAdmins, sellerB: 'NOT_YOURS' },
  },
  {
    kind: 'Mutation',
    field: 'setProductSupplier',
    operation: (f) => ({ query: 'mutation($p: ID!, $s: ID) { setProductSupplier(productId: $p, supplierId: $s) { product { id supplier { id } } errors { code message } } }', variables: { p: f.productA, s: SUPPLIER_OF_A.id } }),
    expect: productOwnerAndAdmins,
  },
  {
    kind: 'Mutation',
    field: 'createReorder',
    operation: (f) => ({ query: `mutation($i: ReorderInput!) { createReorder(input: $i) { ${REORDER_PAYLOAD} } }`, variables: { i: { supplierId: SUPPLIER_OF_A.id, productId: f.productA, warehouseId: f.warehouse, quantity: 1 } } }),
    expect: productOwnerAndAdmins,
  },
  {
    kind: 'Mutation',
    field: 'advanceReorder',
    // A repeat of its current status (SENT): allowed callers get it unchanged, so every cell sees the same request.
    operation: () => ({ query: `mutation($id: ID!) { advanceReorder(id: $id, status: SENT) { ${REORDER_PAYLOAD} } }`, variables: { id: demoSentReorder.id } }),
    expect: { ...sellersAndAdmins, sellerB: 'NOT_YOURS' },
  },
  // Points of sale and transfers (inventory): a seller's shop is theirs (sellerA's demo shop here), transfers are the product's seller's.
  { kind: 'Query', field: 'myStores', operation: () => ({ query: '{ myStores { id name kind seller { id } } }' }), expect: sellersAndAdmins },
  {
    kind: 'Query',
    field: 'storeSale',
    operation: async (f) => ({ query: 'query($id: ID!) { storeSale(id: $id) { id receiptNumber total { amount } lines { quantity } cashier { id } } }', variables: { id: await f.storeSaleOfA() } }),
    // A nullable field: without the role, or someone else's sale, it is null.
    expect: { anonymous: 'UNAUTHENTICATED', customerA: 'NOT_YOURS', customerB: 'NOT_YOURS', sellerA: 'ALLOWED', sellerB: 'NOT_YOURS', admin: 'ALLOWED' },
  },
  {
    kind: 'Mutation',
    field: 'recordStoreSale',
    operation: (f) => ({
      query: 'mutation($i: StoreSaleInput!) { recordStoreSale(input: $i) { sale { id receiptNumber } errors { code message } } }',
      variables: { i: { warehouseId: f.storeOfA, lines: [{ productId: f.storeProductOfA, quantity: 1 }], idempotencyKey: f.unique() } },
    }),
    expect: productOwnerAndAdmins,
  },
  {
    kind: 'Mutation',
    field: 'transferStock',
    operation: (f) => ({
      query: 'mutation($i: TransferStockInput!) { transferStock(input: $i) { product { id stock { onHand } } errors { code message } } }',
      variables: { i: { productId: f.productA, fromWarehouseId: f.warehouse, toWarehouseId: demo.warehouses[1]!.id, quantity: 1 } },
    }),
    expect: productOwnerAndAdmins,
  },
  {
    kind: 'Mutation',
    field: 'createWarehouse',
    operation: (f) => ({ query: 'mutation($i: CreateWarehouseInput!) { createWarehouse(input: $i) { warehouse { id kind } errors { code message } } }', variables: { i: { name: `Matrix ${f.unique()}`, region: 'Antioquia', kind: 'WAREHOUSE' } } }),
    expect: adminsOnly,
  },
  // Subscriptions (over graphql-ws at the gateway)
  { kind: 'Subscription', field: 'stockChanged', operation: (f) => ({ query: 'subscription($ids: [ID!]) { stockChanged(productIds: $ids) { id stock { available } } }', variables: { ids: [f.productA] } }), expect: everyone('ALLOWED') },
  {
    kind: 'Subscription',
    field: 'orderStatusChanged',
    operation: async (f) => ({ query: 'subscription($id: ID!) { orderStatusChanged(orderId: $id) { id status total { amount } } }', variables: { id: await f.newOrderOfA() } }),
    expect: orderOwnerAndAdmins('FORBIDDEN'),
  },
  { kind: 'Subscription', field: 'notificationAdded', operation: () => ({ query: 'subscription { notificationAdded { id kind title } }' }), expect: signedIn },
  { kind: 'Subscription', field: 'orderUpdates', operation: () => ({ query: 'subscription { orderUpdates { id number status } }' }), expect: adminsOnly },
  {
    kind: 'Subscription',
    field: 'paymentStatusChanged',
    operation: async (f) => ({ query: 'subscription($id: ID!) { paymentStatusChanged(orderId: $id) { id status amount { amount } cardLast4 } }', variables: { id: await f.newOrderOfA() } }),
    expect: orderOwnerAndAdmins('FORBIDDEN'),
  },
  {
    kind: 'Subscription',
    field: 'ticketUpdated',
    // Someone else's ticket is NOT_FOUND, as one that does not exist.
    operation: async (f) => ({ query: 'subscription($id: ID!) { ticketUpdated(ticketId: $id) { id status messages { body } } }', variables: { id: await f.ticketOfA() } }),
    expect: orderOwnerAndAdmins('NOT_YOURS'),
  },
];

/**
 * What hostile clients send, and what each must get back. Every case is refused or answered harmlessly: no case may
 * change a database (the test compares checksums), answer 500, or leak a stack, an internal URL or a library message.
 *
 * `expect.code` is the first top-level error's extensions.code, or else the first UserError code in the payload,
 * or 'OK' when there is neither.
 */
import { createHash } from 'node:crypto';

export type Actor = 'anonymous' | 'customerA' | 'customerB' | 'sellerA' | 'sellerB' | 'admin';

/** Values the test learns at start (ids of demo rows and of an order placed for customer A). */
export interface Known {
  productA: string;
  productB: string;
  warehouse: string;
  orderA: string;
  tokens: Record<Exclude<Actor, 'anonymous'>, string>;
  /** Tokens made to be refused. */
  forged: { otherKey: string; expired: string; algNone: string; hsWithPublicKey: string; wrongAudience: string };
}

export interface RawRequest {
  method?: string;
  /** Appended to the gateway URL (e.g. "?query=…"). */
  search?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface HostileCase {
  name: string;
  /** A GraphQL operation as a normal client sends it, from an actor… */
  operation?: (k: Known) => { query: string; variables?: Record<string, unknown>; actor?: Actor; authorization?: string };
  /** …or a request built by hand. */
  raw?: (k: Known) => RawRequest;
  expect: { status: number; code: string };
}

const json = (body: unknown) => JSON.stringify(body);
const post = (body: string, contentType = 'application/json'): RawRequest => ({ method: 'POST', headers: { 'content-type': contentType }, body });
const ops = (query: string, variables?: Record<string, unknown>, actor: Actor = 'anonymous') => () => ({ query, variables, actor });
const as = (actor: Actor, query: string, variables?: Record<string, unknown>) => () => ({ query, variables, actor });
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const PRODUCT_QUERY = 'query P($id: ID!) { product(id: $id) { id name } }';
const SEARCH = 'query S($f: ProductFilter, $first: Int, $after: String) { products(first: $first, after: $after, filter: $f) { totalCount edges { node { id } } } }';
const LOGIN = 'mutation L($e: String!, $p: String!) { login(email: $e, password: $p) { token errors { code field } } }';
const REGISTER = 'mutation R($i: RegisterInput!) { register(input: $i) { token errors { code field } } }';
const CREATE = 'mutation C($i: CreateProductInput!) { createProduct(input: $i) { product { id } errors { code field } } }';
const UPDATE = 'mutation U($id: ID!, $i: UpdateProductInput!) { updateProduct(id: $id, input: $i) { product { id } errors { code field } } }';
const ADJUST = 'mutation A($i: AdjustStockInput!) { adjustStock(input: $i) { product { id } errors { code field } } }';
const ADD = 'mutation Add($p: ID!, $q: Int!) { addToCart(productId: $p, quantity: $q) { cart { id } errors { code field } } }';
const SET_LINE = 'mutation Set($p: ID!, $q: Int!) { setCartLine(productId: $p, quantity: $q) { cart { id } errors { code field } } }';
const PLACE = 'mutation Place($i: PlaceOrderInput!) { placeOrder(input: $i) { order { id } errors { code field } } }';
const PAY = 'mutation Pay($i: PayOrderInput!) { payOrder(input: $i) { payment { id } errors { code field } } }';
const CANCEL = 'mutation Cancel($id: ID!) { cancelOrder(id: $id) { order { id } errors { code field } } }';
const ADVANCE = 'mutation Adv($id: ID!, $s: OrderStatus!) { advanceOrder(id: $id, status: $s) { order { id } errors { code field } } }';
const ORDER = 'query O($id: ID!) { order(id: $id) { id number customer { id } } }';
const USERS = 'query U($s: String) { users(first: 5, search: $s) { totalCount edges { node { id } } } }';
const ORDERS = 'query Os($f: OrderFilter) { orders(first: 5, filter: $f) { totalCount edges { node { id } } } }';
const BY_NUMBER = 'query N($n: String!) { orderByNumber(number: $n) { id } }';

const SQL = [`' OR '1'='1`, `'; DROP TABLE products; --`, `1; SELECT pg_sleep(5)--`, `" OR ""="`, `\\'; DELETE FROM users; --`];
const SCRIPT = [`<script>alert(1)</script>`, `"><img src=x onerror=alert(1)>`, `javascript:alert(1)`, `{{constructor.constructor('alert(1)')()}}`];
const HOSTILE_STRINGS = [...SQL, ...SCRIPT, '\u0000', '\ud800', 'x'.repeat(10_000), '%00%27', '${jndi:ldap://example.invalid/a}'];

const card = { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123' };
const nested = (depth: number) => 'categories { id name ' + 'products(first: 1) { edges { node { seller { id products(first: 1) { edges { node { id ' .repeat(depth) + '} } } } } } }'.repeat(depth) + '}';

export const hostileCases: HostileCase[] = [
  // ------------------------------------------------------------------ transport
  { name: 'malformed JSON body', raw: () => post('{"query": "{ categories { id } "'), expect: { status: 400, code: 'BAD_REQUEST' } },
  { name: 'empty JSON body', raw: () => post(''), expect: { status: 400, code: 'BAD_REQUEST' } },
  { name: 'a JSON string as body', raw: () => post('"{ categories { id } }"'), expect: { status: 400, code: 'BAD_REQUEST' } },
  { name: 'a JSON number as body', raw: () => post('42'), expect: { status: 400, code: 'BAD_REQUEST' } },
  { name: 'batched requests (off)', raw: () => post(json([{ query: '{ categories { id } }' }, { query: '{ categories { id } }' }])), expect: { status: 400, code: 'BAD_REQUEST' } },
  { name: 'text/plain body (CSRF)', raw: () => post(json({ query: '{ categories { id } }' }), 'text/plain'), expect: { status: 400, code: 'BAD_REQUEST' } },
  { name: 'form-encoded body (CSRF)', raw: () => post('query=%7B%20categories%20%7B%20id%20%7D%20%7D', 'application/x-www-form-urlencoded'), expect: { status: 400, code: 'BAD_REQUEST' } },
  { name: 'multipart body (CSRF)', raw: () => post('--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ categories { id } }\r\n--x--', 'multipart/form-data; boundary=x'), expect: { status: 400, code: 'BAD_REQUEST' } },
  { name: 'no content type', raw: () => ({ method: 'POST', body: json({ query: '{ categories { id } }' }) }), expect: { status: 400, code: 'BAD_REQUEST' } },
  { name: 'a 2 MB body', raw: () => post(json({ query: `{ categories { id } } # ${'x'.repeat(2 * 1024 * 1024)}` })), expect: { status: 413, code: 'BAD_REQUEST' } },
  { name: 'query is a number', raw: () => post(json({ query: 42 })), expect: { status: 400, code: 'BAD_REQUEST' } },
  { name: 'query is empty', raw: () => post(json({ query: '' })), expect: { status: 400, code: 'BAD_REQUEST' } },
  { name: 'variables is a string', raw: () => post(json({ query: PRODUCT_QUERY, variables: '{"id":"1"}' })), expect: { status: 400, code: 'BAD_REQUEST' } },
  { name: 'extensions is a string', raw: () => post(json({ query: '{ categories { id } }', extensions: 'x' })), expect: { status: 400, code: 'BAD_REQUEST' } },
  { name: 'unknown operationName', raw: () => post(json({ query: 'query A { categories { id } }', operationName: 'B' })), expect: { status: 400, code: 'OPERATION_RESOLUTION_FAILURE' } },
  { name: 'two operations, no operationName', raw: () => post(json({ query: 'query A { categories { id } } query B { categories { name } }' })), expect: { status: 400, code: 'OPERATION_RESOLUTION_FAILURE' } },
  { name: 'a mutation over GET', raw: () => ({ method: 'GET', search: `?query=${encodeURIComponent('mutation { login(email: "a@b.co", password: "x") { token } }')}`, headers: { 'apollo-require-preflight': 'true' } }), expect: { status: 405, code: 'BAD_REQUEST' } },
  { name: 'GET without a query', raw: () => ({ method: 'GET', search: '?variables=%7B%7D', headers: { 'apollo-require-preflight': 'true' } }), expect: { status: 400, code: 'BAD_REQUEST' } },
  // Served (GraphQL over HTTP): a GET runs queries only and credentials come only from the Authorization header (graphql-over-http.ts).
  { name: 'a GET query without a CSRF header', raw: () => ({ method: 'GET', search: `?query=${encodeURIComponent('{ categories { id } }')}` }), expect: { status: 200, code: 'OK' } },
  { name: 'PUT', raw: () => ({ method: 'PUT', headers: { 'content-type': 'application/json' }, body: json({ query: '{ categories { id } }' }) }), expect: { status: 405, code: 'BAD_REQUEST' } },
  { name: 'APQ hash that does not match its query', raw: () => post(json({ query: '{ categories { id } }', extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ categories { name } }') } } })), expect: { status: 400, code: 'PERSISTED_QUERY_HASH_MISMATCH' } },
  { name: 'APQ hash that is not hex', raw: () => post(json({ extensions: { persistedQuery: { version: 1, sha256Hash: "'; DROP TABLE x; --" } } })), expect: { status: 200, code: 'PERSISTED_QUERY_NOT_FOUND' } },
  { name: 'APQ with an unknown version', raw: () => post(json({ query: '{ categories { id } }', extensions: { persistedQuery: { version: 99, sha256Hash: sha256('{ categories { id } }') } } })), expect: { status: 400, code: 'BAD_REQUEST' } },
  { name: 'a subscription over HTTP', operation: ops('subscription { stockChanged { id } }'), expect: { status: 400, code: 'BAD_REQUEST' } },
  { name: 'a syntax error', operation: ops('{ categories { id }'), expect: { status: 400, code: 'GRAPHQL_PARSE_FAILED' } },
  { name: 'an unknown field (no suggestions)', operation: ops('{ categorys { id } }'), expect: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' } },
  { name: 'introspection in production', operation: ops('{ __schema { types { name } } }'), expect: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' } },
  { name: 'a 16 KB Authorization header', raw: () => ({ method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${'a'.repeat(16 * 1024)}` }, body: json({ query: '{ categories { id } }' }) }), expect: { status: 431, code: 'NONE' } },

  // ------------------------------------------------------------------ query bombs
  { name: 'depth 20', operation: ops(`{ ${nested(5)} }`), expect: { status: 400, code: 'QUERY_TOO_DEEP' } },
  { name: '100 aliases', operation: ops(`{ ${Array.from({ length: 100 }, (_, i) => `a${i}: categories { id }`).join(' ')} }`), expect: { status: 400, code: 'TOO_MANY_ALIASES' } },
  { name: '500 aliased __typename', operation: ops(`{ ${Array.from({ length: 500 }, (_, i) => `t${i}: __typename`).join(' ')} }`), expect: { status: 400, code: 'TOO_MANY_ALIASES' } },
  { name: '1,600 aliased __typename (4,802 tokens)', operation: ops(`{ ${Array.from({ length: 1600 }, (_, i) => `t${i}: __typename`).join(' ')} }`), expect: { status: 400, code: 'TOO_MANY_TOKENS' } },
  { name: 'one field repeated 1,500 times', operation: ops(`{ products { edges { node { ${'id '.repeat(1500)}} } } }`), expect: { status: 400, code: 'QUERY_TOO_COMPLEX' } },
  { name: '3,000 fields (tokens)', operation: ops(`{ ${Array.from({ length: 3000 }, () => 'categories { id }').join(' ')} }`), expect: { status: 400, code: 'TOO_MANY_TOKENS' } },
  { name: 'a fragment cycle', operation: ops('query { categories { ...A } } fragment A on Category { ...B } fragment B on Category { ...A }'), expect: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' } },
  { name: '60 @include directives on one field', operation: ops(`{ categories ${'@include(if: true) '.repeat(60)} { id } }`), expect: { status: 400, code: 'TOO_MANY_DIRECTIVES' } },
  { name: 'lists multiplying past the cost budget', operation: ops('{ products(first: 100) { edges { node { seller { products(first: 100) { edges { node { seller { products(first: 100) { edges { node { id name } } } } } } } } } } } }'), expect: { status: 400, code: 'QUERY_TOO_COMPLEX' } },
  { name: '40 root fields', operation: ops(`{ ${Array.from({ length: 40 }, (_, i) => `r${i}: categories { id }`).join(' ')} }`), expect: { status: 400, code: 'TOO_MANY_ALIASES' } },
  { name: 'a 300 KB string literal', operation: ops(`{ products(filter: { search: "${'x'.repeat(300_000)}" }) { totalCount } }`), expect: { status: 200, code: 'BAD_USER_INPUT' } },
  { name: 'deeply nested list variable', operation: ops(PRODUCT_QUERY, { id: JSON.parse('['.repeat(500) + ']'.repeat(500)) }), expect: { status: 400, code: 'BAD_USER_INPUT' } },
  { name: '5,000 unused variables', raw: () => post(json({ query: '{ categories { id } }', variables: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`v${i}`, i])) })), expect: { status: 200, code: 'OK' } },
  { name: 'an undeclared variable', operation: ops('{ product(id: $id) { id } }'), expect: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' } },

  // ------------------------------------------------------------------ tokens
  { name: 'Bearer with no token', operation: () => ({ query: '{ me { id } }', authorization: 'Bearer' }), expect: { status: 401, code: 'UNAUTHENTICATED' } },
  { name: 'Basic scheme', operation: () => ({ query: '{ me { id } }', authorization: 'Basic YWRtaW46YWRtaW4=' }), expect: { status: 401, code: 'UNAUTHENTICATED' } },
  { name: 'a garbage token', operation: () => ({ query: '{ me { id } }', authorization: 'Bearer not.a.jwt' }), expect: { status: 401, code: 'UNAUTHENTICATED' } },
  { name: 'a token signed with another key', operation: (k) => ({ query: '{ me { id } }', authorization: `Bearer ${k.forged.otherKey}` }), expect: { status: 401, code: 'UNAUTHENTICATED' } },
  { name: 'an expired token', operation: (k) => ({ query: '{ me { id } }', authorization: `Bearer ${k.forged.expired}` }), expect: { status: 401, code: 'UNAUTHENTICATED' } },
  { name: 'an alg:none token claiming ADMIN', operation: (k) => ({ query: '{ me { id } }', authorization: `Bearer ${k.forged.algNone}` }), expect: { status: 401, code: 'UNAUTHENTICATED' } },
  { name: 'an HS256 token keyed with the public key', operation: (k) => ({ query: '{ me { id } }', authorization: `Bearer ${k.forged.hsWithPublicKey}` }), expect: { status: 401, code: 'UNAUTHENTICATED' } },
  { name: 'a token for another audience', operation: (k) => ({ query: '{ me { id } }', authorization: `Bearer ${k.forged.wrongAudience}` }), expect: { status: 401, code: 'UNAUTHENTICATED' } },
  { name: 'a forged ADMIN token on an admin mutation', operation: (k) => ({ query: ADVANCE, variables: { id: k.orderA, s: 'SHIPPED' }, authorization: `Bearer ${k.forged.otherKey}` }), expect: { status: 401, code: 'UNAUTHENTICATED' } },

  // ------------------------------------------------------------------ who may do what (nothing changes)
  { name: 'anonymous creates a product', operation: ops(CREATE, { i: { sku: 'X-1', name: 'x', description: 'x', price: '1000' } }), expect: { status: 200, code: 'UNAUTHENTICATED' } },
  { name: 'a customer creates a product', operation: as('customerA', CREATE, { i: { sku: 'X-1', name: 'x', description: 'x', price: '1000' } }), expect: { status: 200, code: 'FORBIDDEN' } },
  { name: "seller B updates seller A's product", operation: (k) => ({ query: UPDATE, variables: { id: k.productA, i: { name: 'hijacked' } }, actor: 'sellerB' }), expect: { status: 200, code: 'FORBIDDEN' } },
  { name: 'a customer adjusts stock', operation: (k) => ({ query: ADJUST, variables: { i: { productId: k.productA, warehouseId: k.warehouse, delta: 5, reason: 'RESTOCK' } }, actor: 'customerA' }), expect: { status: 200, code: 'FORBIDDEN' } },
  { name: 'anonymous reads a cart', operation: ops('{ cart { id } }'), expect: { status: 200, code: 'UNAUTHENTICATED' } },
  { name: 'anonymous reads an order', operation: (k) => ({ query: ORDER, variables: { id: k.orderA } }), expect: { status: 200, code: 'UNAUTHENTICATED' } },
  { name: "customer B reads customer A's order", operation: (k) => ({ query: ORDER, variables: { id: k.orderA }, actor: 'customerB' }), expect: { status: 200, code: 'OK' } },
  { name: "customer B pays customer A's order", operation: (k) => ({ query: PAY, variables: { i: { orderId: k.orderA, method: 'CARD', card, idempotencyKey: 'corpus-b-pays-a' } }, actor: 'customerB' }), expect: { status: 200, code: 'NOT_FOUND' } },
  { name: "customer B cancels customer A's order", operation: (k) => ({ query: CANCEL, variables: { id: k.orderA }, actor: 'customerB' }), expect: { status: 200, code: 'NOT_FOUND' } },
  { name: 'a customer advances an order', operation: (k) => ({ query: ADVANCE, variables: { id: k.orderA, s: 'SHIPPED' }, actor: 'customerA' }), expect: { status: 200, code: 'FORBIDDEN' } },
  { name: 'a seller advances an order to an impossible state', operation: (k) => ({ query: ADVANCE, variables: { id: k.orderA, s: 'DELIVERED' }, actor: 'admin' }), expect: { status: 200, code: 'INVALID_TRANSITION' } },
  { name: 'anonymous pays', operation: (k) => ({ query: PAY, variables: { i: { orderId: k.orderA, method: 'CARD', card, idempotencyKey: 'corpus-anon' } } }), expect: { status: 200, code: 'UNAUTHENTICATED' } },
  { name: 'register claims ADMIN', operation: ops(REGISTER, { i: { email: 'intruder@example.test', password: 'long-enough-pass', name: 'x', roles: ['ADMIN'] } }), expect: { status: 200, code: 'FORBIDDEN' } },
  { name: 'anonymous places an order', operation: (k) => ({ query: PLACE, variables: { i: { lines: [{ productId: k.productA, quantity: 1 }], idempotencyKey: 'corpus-anon-place' } } }), expect: { status: 200, code: 'UNAUTHENTICATED' } },

  // ------------------------------------------------------------------ identifiers
  { name: 'product id empty', operation: ops(PRODUCT_QUERY, { id: '' }), expect: { status: 200, code: 'BAD_USER_INPUT' } },
  { name: 'product id not a UUID', operation: ops(PRODUCT_QUERY, { id: 'not-an-id' }), expect: { status: 200, code: 'BAD_USER_INPUT' } },
  { name: 'product id of nothing', operation: ops(PRODUCT_QUERY, { id: '00000000-0000-4000-8000-000000000000' }), expect: { status: 200, code: 'OK' } },
  { name: 'product id 10,000 characters', operation: ops(PRODUCT_QUERY, { id: 'a'.repeat(10_000) }), expect: { status: 200, code: 'BAD_USER_INPUT' } },
  { name: 'product id as a number variable', operation: ops(PRODUCT_QUERY, { id: 12 }), expect: { status: 200, code: 'BAD_USER_INPUT' } },
  { name: 'product id as an object', operation: ops(PRODUCT_QUERY, { id: { $ne: null } }), expect: { status: 400, code: 'BAD_USER_INPUT' } },
  { name: 'order id not a UUID', operation: as('customerA', ORDER, { id: "1' OR '1'='1" }), expect: { status: 200, code: 'BAD_USER_INPUT' } },
  { name: 'addToCart with an unknown product', operation: as('customerA', ADD, { p: '00000000-0000-4000-8000-000000000000', q: 1 }), expect: { status: 200, code: 'NOT_FOUND' } },
  { name: 'payOrder for an unknown order', operation: as('customerA', PAY, { i: { orderId: '00000000-0000-4000-8000-000000000000', method: 'CARD', card, idempotencyKey: 'corpus-unknown' } }), expect: { status: 200, code: 'NOT_FOUND' } },
  { name: 'a cursor that is not ours', operation: ops(SEARCH, { first: 5, after: 'garbage' }), expect: { status: 200, code: 'BAD_USER_INPUT' } },
  { name: 'a cursor hiding SQL', operation: ops(SEARCH, { first: 5, after: Buffer.from(`{"id":"' OR 1=1 --"}`).toString('base64url') }), expect: { status: 200, code: 'BAD_USER_INPUT' } },
  { name: 'an unknown enum value', operation: as('admin', ADVANCE.replace('$s: OrderStatus!', '$s: OrderStatus!'), { id: '00000000-0000-4000-8000-000000000000', s: 'REFUNDED_TWICE' }), expect: { status: 400, code: 'BAD_USER_INPUT' } },

  // ------------------------------------------------------------------ numbers
  { name: 'first: -1', operation: ops(SEARCH, { first: -1 }), expect: { status: 200, code: 'BAD_USER_INPUT' } },
  { name: 'first: 0 (an empty page)', operation: ops(SEARCH, { first: 0 }), expect: { status: 200, code: 'OK' } },
  { name: 'first: 1,000,000', operation: ops(SEARCH, { first: 1_000_000 }), expect: { status: 200, code: 'BAD_USER_INPUT' } },
  { name: 'first: 2^31 (not an Int)', operation: ops(SEARCH, { first: 2 ** 31 }), expect: { status: 400, code: 'BAD_USER_INPUT' } },
  { name: 'first: 1.5', operation: ops(SEARCH, { first: 1.5 }), expect: { status: 400, code: 'BAD_USER_INPUT' } },
  { name: 'minPrice negative', operation: ops(SEARCH, { f: { minPrice: '-5' } }), expect: { status: 200, code: 'BAD_USER_INPUT' } },
  { name: 'minPrice 23 digits', operation: ops(SEARCH, { f: { minPrice: '12345678901234567890123' } }), expect: { status: 200, code: 'BAD_USER_INPUT' } },
  { name: 'minPrice 1e309', operation: ops(SEARCH, { f: { minPrice: '1e309' } }), expect: { status: 200, code: 'BAD_USER_INPUT' } },
  { name: 'minPrice NaN', operation: ops(SEARCH, { f: { minPrice: 'NaN' } }), expect: { status: 200, code: 'BAD_USER_INPUT' } },
  { name: 'minPrice as a number', operation: ops(SEARCH, { f: { minPrice: 5 } }), expect: { status: 200, code: 'BAD_USER_INPUT' } },
  { name: 'minPrice above maxPrice (nothing matches)', operation: ops(SEARCH, { f: { minPrice: '500', maxPrice: '1' } }), expect: { status: 200, code: 'OK' } },
  { name: 'createProduct price 0', operation: as('sellerA', CREATE, { i: { sku: 'ZERO-1', name: 'Gratis', description: 'x', price: '0' } }), expect: { status: 200, code: 'INVALID_INPUT' } },
  { name: 'createProduct price negative', operation: as('sellerA', CREATE, { i: { sku: 'NEG-1', name: 'x', description: 'x', price: '-1000' } }), expect: { status: 200, code: 'INVALID_INPUT' } },
  { name: 'createProduct price 23 digits', operation: as('sellerA', CREATE, { i: { sku: 'BIG-1', name: 'x', description: 'x', price: '12345678901234567890123' } }), expect: { status: 200, code: 'INVALID_INPUT' } },
  { name: 'createProduct price with 3 decimals', operation: as('sellerA', CREATE, { i: { sku: 'DEC-1', name: 'x', description: 'x', price: '10.001' } }), expect: { status: 200, code: 'INVALID_INPUT' } },
  { name: 'createProduct price in exponent form', operation: as('sellerA', CREATE, { i: { sku: 'EXP-1', name: 'x', description: 'x', price: '1e5' } }), expect: { status: 200, code: 'INVALID_INPUT' } },
  { name: 'updateProduct price 0', operation: (k) => ({ query: UPDATE, variables: { id: k.productA, i: { price: '0' } }, actor: 'sellerA' }), expect: { status: 200, code: 'INVALID_INPUT' } },
  { name: 'adjustStock delta 0', operation: (k) => ({ query: ADJUST, variables: { i: { productId: k.productA, warehouseId: k.warehouse, delta: 0, reason: 'RESTOCK' } }, actor: 'admin' }), expect: { status: 200, code: 'INVALID_INPUT' } },
  { name: 'adjustStock below reserved', operation: (k) => ({ query: ADJUST, variables: { i: { productId: k.productA, warehouseId: k.warehouse, delta: -1_000_000, reason: 'ADJUSTMENT' } }, actor: 'admin' }), expect: { status: 200, code: 'INSUFFICIENT_STOCK' } },
  { name: 'adjustStock delta 2^31', operation: (k) => ({ query: ADJUST, variables: { i: { productId: k.productA, warehouseId: k.warehouse, delta: 2 ** 31, reason: 'RESTOCK' } }, actor: 'admin' }), expect: { status: 400, code: 'BAD_USER_INPUT' } },
  { name: 'addToCart quantity 0', operation: (k) => ({ query: ADD, variables: { p: k.productA, q: 0 }, actor: 'customerA' }), expect: { status: 200, code: 'INVALID_INPUT' } },
  { name: 'addToCart quantity -3', operation: (k) => ({ query: ADD, variables: { p: k.productA, q: -3 }, actor: 'customerA' }), expect: { status: 200, code: 'INVALID_INPUT' } },
  { name: 'addToCart quantity 2^31-1', operation: (k) => ({ query: ADD, variables: { p: k.productA, q: 2 ** 31 - 1 }, actor: 'customerA' }), expect: { status: 200, code: 'INVALID_INPUT' } },
  { name: 'setCartLine quantity -1', operation: (k) => ({ query: SET_LINE, variables: { p: k.productA, q: -1 }, actor: 'customerA' }), expect: { status: 200, code: 'INVALID_INPUT' } },
  { name: 'placeOrder quantity 0', operation: (k) => ({ query: PLACE, variables: { i: { lines: [{ productId: k.productA, quantity: 0 }], idempotencyKey: 'corpus-q0' } }, actor: 'customerA' }), expect: { status: 200, code: 'INVALID_INPUT' } },
  { name: 'placeOrder quantity -1', operation: (k) => ({ query: PLACE, variables: { i: { lines: [{ productId: k.productA, quantity: -1 }], idempotencyKey: 'corpus-qneg' } }, actor: 'customerA' }), expect: { status: 200, code: 'INVALID_INPUT' } },
  { name: 'placeOrder with no lines', operation: () => ({ query: PLACE, variables: { i: { lines: [], idempotencyKey: 'corpus-empty' } }, actor: 'customerA' }), expect: { status: 200, code: 'INVALID_INPUT' } },
  { name: 'placeOrder with 1,000 lines', operation: (k) => ({ query: PLACE, variables: { i: { lines: Array.from({ length: 1000 }, () => ({ productId: k.productA, quantity: 1 })), idempotencyKey: 'corpus-many' } }, actor: 'customerA' }), expect: { status: 200, code: 'INVALID_INPUT' } },
  { name: 'placeOrder with an empty idempotency key', operation: (k) => ({ query: PLACE, variables: { i: { lines: [{ productId: k.productA, quantity: 1 }], idempotencyKey: '' } }, actor: 'customerA' }), expect: { status: 200, code: 'INVALID_INPUT' } },
  { name: 'payOrder card month 13', operation: (k) => ({ query: PAY, variables: { i: { orderId: k.orderA, method: 'CARD', card: { ...card, expMonth: 13 }, idempotencyKey: 'corpus-m13' } }, actor: 'customerA' }), expect: { status: 200, code: 'INVALID_INPUT' } },
  { name: 'payOrder card number of letters', operation: (k) => ({ query: PAY, variables: { i: { orderId: k.orderA, method: 'CARD', card: { ...card, number: 'abcdabcdabcdabcd' }, idempotencyKey: 'corpus-letters' } }, actor: 'customerA' }), expect: { status: 200, code: 'INVALID_INPUT' } },
  { name: 'payOrder expired card', operation: (k) => ({ query: PAY, variables: { i: { orderId: k.orderA, method: 'CARD', card: { ...card, expYear: 2001 }, idempotencyKey: 'corpus-expired' } }, actor: 'customerA' }), expect: { status: 200, code: 'INVALID_INPUT' } },
  { name: 'payOrder CVC of letters', operation: (k) => ({ query: PAY, variables: { i: { orderId: k.orderA, method: 'CARD', card: { ...card, cvc: 'abc' }, idempotencyKey: 'corpus-cvc' } }, actor: 'customerA' }), expect: { status: 200, code: 'INVALID_INPUT' } },
  { name: 'payOrder CARD without a card', operation: (k) => ({ query: PAY, variables: { i: { orderId: k.orderA, method: 'CARD', idempotencyKey: 'corpus-nocard' } }, actor: 'customerA' }), expect: { status: 200, code: 'INVALID_INPUT' } },

  // ------------------------------------------------------------------ hostile strings in every string input
  // Login's email goes to a query as it came: a NUL (which PostgreSQL text cannot hold) is BAD_USER_INPUT.
  // Searches are capped at 200 characters.
  ...HOSTILE_STRINGS.flatMap((text, i): HostileCase[] => [
    { name: `login with hostile email #${i}`, operation: ops(LOGIN, { e: text, p: text }), expect: { status: 200, code: text.includes('\u0000') ? 'BAD_USER_INPUT' : 'INVALID_CREDENTIALS' } },
    { name: `register with hostile email #${i}`, operation: ops(REGISTER, { i: { email: text, password: 'long-enough-pass', name: text } }), expect: { status: 200, code: 'INVALID_INPUT' } },
    { name: `search for hostile text #${i}`, operation: ops(SEARCH, { first: 5, f: { search: text } }), expect: { status: 200, code: text.length > 200 ? 'BAD_USER_INPUT' : 'OK' } },
    { name: `admin searches users for hostile text #${i}`, operation: as('admin', USERS, { s: text }), expect: { status: 200, code: text.length > 200 ? 'BAD_USER_INPUT' : 'OK' } },
    // Text that is no order number matches nothing: an empty list, a null order.
    { name: `admin filters orders by a hostile number #${i}`, operation: as('admin', ORDERS, { f: { number: text } }), expect: { status: 200, code: text.length > 100 ? 'BAD_USER_INPUT' : 'OK' } },
    { name: `customer looks up a hostile order number #${i}`, operation: as('customerA', BY_NUMBER, { n: text }), expect: { status: 200, code: 'OK' } },
  ]),
  ...[...SQL, ...SCRIPT].flatMap((text, i): HostileCase[] => [
    { name: `hostile text as a product id #${i}`, operation: ops(PRODUCT_QUERY, { id: text }), expect: { status: 200, code: 'BAD_USER_INPUT' } },
    { name: `hostile text as an idempotency key with no lines #${i}`, operation: () => ({ query: PLACE, variables: { i: { lines: [], idempotencyKey: text } }, actor: 'customerA' }), expect: { status: 200, code: 'INVALID_INPUT' } },
    { name: `hostile product name with a bad price #${i}`, operation: as('sellerA', CREATE, { i: { sku: text, name: text, description: text, price: 'free' } }), expect: { status: 200, code: 'INVALID_INPUT' } },
  ]),
];

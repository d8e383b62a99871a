import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { CartRow, CartLineRow, OrderRow, OrderLineRow, OrderStatusHistoryRow } from '../../db/schema.js';
import { UserReference, ProductReference } from '../references.js';
import { OrdersContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO 8601 date-time string, e.g. "2026-11-23T17:52:00.000Z". */
  DateTime: { input: Date | string; output: Date | string; }
  /** A decimal number sent as a string, e.g. "249900.00": exact, and wider than GraphQL's 32-bit Int. */
  Decimal: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A delivery address, as a user saved it (User.addresses) or as an order snapshotted it. */
export type Address = {
  __typename?: 'Address';
  /** City or municipality. */
  city: Scalars['String']['output'];
  /** ISO 3166-1 alpha-2 country code, e.g. CO. */
  country: Scalars['String']['output'];
  /** The saved address's id (a UUID); on an order, the id of the address it was copied from. */
  id: Scalars['ID']['output'];
  /** Street and number. */
  line1: Scalars['String']['output'];
  /** Apartment, building, or other detail; null when none. */
  line2?: Maybe<Scalars['String']['output']>;
  /** A phone number for the carrier; null when none. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Postal code; null when none. */
  postalCode?: Maybe<Scalars['String']['output']>;
  /** Who receives the parcel. */
  recipient: Scalars['String']['output'];
  /** Colombian department (or the region of another country), e.g. Antioquia; shipping is priced by it. */
  region: Scalars['String']['output'];
};

/** The viewer's shopping cart: at most 50 different products. */
export type Cart = {
  __typename?: 'Cart';
  /** The cart's id (a UUID); one cart per user. */
  id: Scalars['ID']['output'];
  /** In the order the products were first added. */
  lines: Array<CartLine>;
};

/** One product in the cart and how many of it. */
export type CartLine = {
  __typename?: 'CartLine';
  /** The product; resolved by the products subgraph, so an archived one still shows. */
  product: Product;
  /** 1 to 999. */
  quantity: Scalars['Int']['output'];
};

/** The cart after a change, or why the change was refused (nothing changed then). */
export type CartPayload = {
  __typename?: 'CartPayload';
  /** The whole cart after the change; null when errors is not empty. */
  cart?: Maybe<Cart>;
  /** Why nothing changed (INVALID_INPUT, NOT_FOUND, OUT_OF_STOCK…); empty on success. */
  errors: Array<UserError>;
};

/** An amount of money in one currency. */
export type Money = {
  __typename?: 'Money';
  /** In major units of the currency, e.g. "249900.00" pesos. Stored as exact integers of the minor unit. */
  amount: Scalars['Decimal']['output'];
  /** ISO 4217 code, e.g. COP or USD. */
  currency: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Adds quantity (1 to 999) of an ACTIVE product to the viewer's cart; an existing line grows, up to 999. */
  addToCart: CartPayload;
  /** Admin: PAID -> SHIPPED -> DELIVERED. An order with a shipping method moves by itself as its shipment does (in transit: SHIPPED; delivered: DELIVERED); this is for the others. */
  advanceOrder: OrderPayload;
  /** The customer before payment (releases stock), an admin at any time before SHIPPED (refunds a captured payment). */
  cancelOrder: OrderPayload;
  /** Reserves every line's stock atomically, or none: OUT_OF_STOCK names the short lines. */
  placeOrder: OrderPayload;
  /** Sets a cart line to exactly quantity; quantity 0 removes the line. */
  setCartLine: CartPayload;
};


export type MutationAddToCartArgs = {
  productId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
};


export type MutationAdvanceOrderArgs = {
  id: Scalars['ID']['input'];
  status: OrderStatus;
};


export type MutationCancelOrderArgs = {
  id: Scalars['ID']['input'];
};


export type MutationPlaceOrderArgs = {
  input: PlaceOrderInput;
};


export type MutationSetCartLineArgs = {
  productId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
};

/** A customer's order. */
export type Order = {
  __typename?: 'Order';
  /** Why it was cancelled: EXPIRED, CUSTOMER, ADMIN. */
  cancellationReason?: Maybe<Scalars['String']['output']>;
  /** When it was placed. */
  createdAt: Scalars['DateTime']['output'];
  /** Who placed it. */
  customer: User;
  /** Every status the order moved through, oldest first: the first entry is its placement (from null to AWAITING_PAYMENT). */
  history: Array<OrderStatusChange>;
  /** The order's id (a UUID); customers quote number instead. */
  id: Scalars['ID']['output'];
  /** What was ordered, in the order the lines were given. */
  lines: Array<OrderLine>;
  /** Human-friendly, unique, e.g. ORD-000123. */
  number: Scalars['String']['output'];
  /** While AWAITING_PAYMENT: when the stock reservation lapses and the order is cancelled as EXPIRED. */
  reservedUntil?: Maybe<Scalars['DateTime']['output']>;
  /** The delivery address chosen at checkout, as it was then (a later edit of the saved address does not change it); null for an order placed without one. */
  shippingAddress?: Maybe<Address>;
  /** What shipping cost, quoted when the order was placed and included in total; null when the order has no shipping method. */
  shippingCost?: Maybe<Money>;
  /** The shipping method chosen at checkout; null for an order placed without one. */
  shippingMethod?: Maybe<ShippingMethod>;
  /** Where it is now; history says how it got there. */
  status: OrderStatus;
  /** The sum of the lines' totals plus shippingCost, exact to the minor unit. */
  total: Money;
  /** When its status last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of orders (Relay connection) and the size of the whole list. */
export type OrderConnection = {
  __typename?: 'OrderConnection';
  /** This page's orders, newest first. */
  edges: Array<OrderEdge>;
  /** Whether another page follows, and the cursor to ask for it. */
  pageInfo: PageInfo;
  /** How many orders the list has in all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One order in a page of orders, with the cursor to continue after it. */
export type OrderEdge = {
  __typename?: 'OrderEdge';
  /** Opaque; pass it as after to continue after this order. */
  cursor: Scalars['String']['output'];
  /** The order. */
  node: Order;
};

/** Which orders Query.orders lists; every field given must hold (AND), an omitted field does not filter. */
export type OrderFilter = {
  /** Only this customer's orders (a User id). */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** The one order with this number, written as customers quote it: "ORD-000002", in any case, with or without "ORD-" and leading zeros ("ord-2", "000002", "2" all mean ORD-000002). Any other text matches no order. */
  number?: InputMaybe<Scalars['String']['input']>;
  /** Only orders placed at or after this instant (inclusive). */
  placedAfter?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only orders placed before this instant (exclusive), so placedAfter/placedBefore of consecutive days never overlap. */
  placedBefore?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only orders in this status. */
  status?: InputMaybe<OrderStatus>;
};

/** One product of an order or a store sale, with the price it was sold at. */
export type OrderLine = {
  __typename?: 'OrderLine';
  /** The product ordered, as it is now (its name may have changed; the price paid is unitPrice). */
  product: Product;
  /** How many units, 1 to 999. */
  quantity: Scalars['Int']['output'];
  /** unitPrice times quantity. */
  total: Money;
  /** Price when the order was placed, not today's price. */
  unitPrice: Money;
};

/** One product and how many of it, for placeOrder. */
export type OrderLineInput = {
  /** An ACTIVE product's id. */
  productId: Scalars['ID']['input'];
  /** 1 to 999. */
  quantity: Scalars['Int']['input'];
};

/** The order after a change, or why the change was refused (nothing changed then). */
export type OrderPayload = {
  __typename?: 'OrderPayload';
  /** Why nothing changed (INVALID_INPUT, NOT_FOUND, FORBIDDEN, INVALID_TRANSITION, OUT_OF_STOCK, NOT_PURCHASABLE, SHIPPING_UNAVAILABLE: the shipping method does not deliver to the address's region or country, SERVICE_UNAVAILABLE: a service the change needs, e.g. users or shipping for placeOrder with shipping, did not answer); empty on success. */
  errors: Array<UserError>;
  /** The order after the change; null when errors is not empty. */
  order?: Maybe<Order>;
};

/** Where an order is in its life: AWAITING_PAYMENT -> PAID -> SHIPPED -> DELIVERED, or CANCELLED. */
export type OrderStatus =
  /** Stock is reserved; waiting for a captured payment. */
  | 'AWAITING_PAYMENT'
  /** Cancelled before shipping; see cancellationReason. */
  | 'CANCELLED'
  /** Received by the customer. */
  | 'DELIVERED'
  /** The payment was captured and the stock is sold. */
  | 'PAID'
  /** On its way to the customer. */
  | 'SHIPPED';

/** One change of an order's status: from what, to what, when, who made it and why. */
export type OrderStatusChange = {
  __typename?: 'OrderStatusChange';
  /** When the change was committed. */
  at: Scalars['DateTime']['output'];
  /** Who made the change: the customer who placed or cancelled it, or the admin who shipped, delivered or cancelled it; null when the system did (payment captured, shipment in transit or delivered, reservation expired), and for a user the viewer may not see (a customer is not shown which admin acted; reason still says ADMIN, SHIPPED or DELIVERED). */
  by?: Maybe<User>;
  /** The status before the change; null for the entry that records the order being placed. */
  from?: Maybe<OrderStatus>;
  /** Why: PLACED (the customer placed it), PAYMENT_CAPTURED (a payment was captured), SHIPPED or DELIVERED (an admin advanced it, or its shipment went in transit or was delivered: by is null then), CUSTOMER or ADMIN (cancelled by them), EXPIRED (the stock reservation lapsed unpaid). */
  reason?: Maybe<Scalars['String']['output']>;
  /** The status after the change. */
  to: OrderStatus;
};

/** Where a page of a connection ends, and whether another follows. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the page's last item; null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page: pass endCursor as after to get them. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** What to order: explicit lines, or the viewer's cart when lines are omitted. */
export type PlaceOrderInput = {
  /** The same key returns the same order instead of placing a second one. */
  idempotencyKey: Scalars['String']['input'];
  /** Omit to order the viewer's cart (which is then emptied). */
  lines?: InputMaybe<Array<OrderLineInput>>;
  /** One of the viewer's saved addresses (User.addresses) to deliver to; required with shippingMethodId. */
  shippingAddressId?: InputMaybe<Scalars['ID']['input']>;
  /** A method from shippingQuotes for that address's region: its cost is added to the total. Omit both for an order without shipping. */
  shippingMethodId?: InputMaybe<Scalars['ID']['input']>;
};

/** Something a seller offers in the catalog. */
export type Product = {
  __typename?: 'Product';
  id: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** The viewer's cart (created empty on first use). */
  cart: Cart;
  /** Own orders only, unless the viewer is an admin. */
  order?: Maybe<Order>;
  /** The order with this number, for its customer or an admin; null for anyone else, for a number no order has and for text that is not an order number. */
  orderByNumber?: Maybe<Order>;
  /** Every customer's orders, newest first (ties by id), filtered, in cursor pages; totalCount counts every order the filter admits. */
  orders: OrderConnection;
};


export type QueryOrderArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOrderByNumberArgs = {
  number: Scalars['String']['input'];
};


export type QueryOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** What a user may do: shop, sell, administer. */
export type Role =
  /** Runs the shop: sees and manages every user, product, order, payment and warehouse. */
  | 'ADMIN'
  /** Shops: a cart, orders and payments of their own. Every new account has it. */
  | 'CUSTOMER'
  /** Sells: creates and updates their own products and adjusts their stock. */
  | 'SELLER';

/** A way to send a parcel (shipping subgraph). */
export type ShippingMethod = {
  __typename?: 'ShippingMethod';
  id: Scalars['ID']['output'];
};

/** Live updates over graphql-ws at the same /graphql URL (token in connection_init). */
export type Subscription = {
  __typename?: 'Subscription';
  /** orders subgraph: fires on every status change of the viewer's order. */
  orderStatusChanged: Order;
  /** orders subgraph: fires for every order placed (status AWAITING_PAYMENT) and every status change of any order, with the order as it is after that change. */
  orderUpdates: Order;
};


/** Live updates over graphql-ws at the same /graphql URL (token in connection_init). */
export type SubscriptionOrderStatusChangedArgs = {
  orderId: Scalars['ID']['input'];
};

/** Someone with an account: a shopper, a seller, an admin, or several of these. */
export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
  /** orders subgraph: the user's own orders, newest first (self or admin only). */
  orders: OrderConnection;
};


/** Someone with an account: a shopper, a seller, an admin, or several of these. */
export type UserOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A domain error returned inside a mutation payload (not a GraphQL error). */
export type UserError = {
  __typename?: 'UserError';
  /** Stable machine-readable code, e.g. OUT_OF_STOCK, NOT_FOUND, INVALID_INPUT, EMAIL_TAKEN, INVALID_CREDENTIALS, INVALID_TRANSITION, PAYMENT_DECLINED, FORBIDDEN. */
  code: Scalars['String']['output'];
  /** Path to the input field at fault, e.g. ["input", "lines", "0", "quantity"]. */
  field?: Maybe<Array<Scalars['String']['output']>>;
  /** What went wrong, in English for developers; clients show their own text for the code. */
  message: Scalars['String']['output'];
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Order: Order;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Order:
    ( { __typename: 'Order' }
    & GraphQLRecursivePick<FederationTypes['Order'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Address: ResolverTypeWrapper<Address>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Cart: ResolverTypeWrapper<CartRow>;
  CartLine: ResolverTypeWrapper<CartLineRow>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CartPayload: ResolverTypeWrapper<Omit<CartPayload, 'cart'> & { cart?: Maybe<ResolversTypes['Cart']> }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Order: ResolverTypeWrapper<OrderRow>;
  OrderConnection: ResolverTypeWrapper<Omit<OrderConnection, 'edges'> & { edges: Array<ResolversTypes['OrderEdge']> }>;
  OrderEdge: ResolverTypeWrapper<Omit<OrderEdge, 'node'> & { node: ResolversTypes['Order'] }>;
  OrderFilter: OrderFilter;
  OrderLine: ResolverTypeWrapper<OrderLineRow>;
  OrderLineInput: OrderLineInput;
  OrderPayload: ResolverTypeWrapper<Omit<OrderPayload, 'order'> & { order?: Maybe<ResolversTypes['Order']> }>;
  OrderStatus: OrderStatus;
  OrderStatusChange: ResolverTypeWrapper<OrderStatusHistoryRow>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  PlaceOrderInput: PlaceOrderInput;
  Product: ResolverTypeWrapper<ProductReference>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Role: Role;
  ShippingMethod: ResolverTypeWrapper<ShippingMethod>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  User: ResolverTypeWrapper<UserReference>;
  UserError: ResolverTypeWrapper<UserError>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Address: Address;
  ID: Scalars['ID']['output'];
  Cart: CartRow;
  CartLine: CartLineRow;
  Int: Scalars['Int']['output'];
  CartPayload: Omit<CartPayload, 'cart'> & { cart?: Maybe<ResolversParentTypes['Cart']> };
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  Order: OrderRow;
  OrderConnection: Omit<OrderConnection, 'edges'> & { edges: Array<ResolversParentTypes['OrderEdge']> };
  OrderEdge: Omit<OrderEdge, 'node'> & { node: ResolversParentTypes['Order'] };
  OrderFilter: OrderFilter;
  OrderLine: OrderLineRow;
  OrderLineInput: OrderLineInput;
  OrderPayload: Omit<OrderPayload, 'order'> & { order?: Maybe<ResolversParentTypes['Order']> };
  OrderStatusChange: OrderStatusHistoryRow;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  PlaceOrderInput: PlaceOrderInput;
  Product: ProductReference;
  Query: Record<PropertyKey, never>;
  ShippingMethod: ShippingMethod;
  Subscription: Record<PropertyKey, never>;
  User: UserReference;
  UserError: UserError;
  String: Scalars['String']['output'];
}>;

export type AuthenticatedDirectiveArgs = { };

export type AuthenticatedDirectiveResolver<Result, Parent, ContextType = OrdersContext, Args = AuthenticatedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type OwnerOrAdminDirectiveArgs = {
  publicWhen?: Maybe<Scalars['String']['input']>;
};

export type OwnerOrAdminDirectiveResolver<Result, Parent, ContextType = OrdersContext, Args = OwnerOrAdminDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresRoleDirectiveArgs = {
  roles: Array<Role>;
};

export type RequiresRoleDirectiveResolver<Result, Parent, ContextType = OrdersContext, Args = RequiresRoleDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AddressResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = ResolversObject<{
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  country?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  line1?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line2?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  postalCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recipient?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  region?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CartResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Cart'] = ResolversParentTypes['Cart']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['CartLine']>, ParentType, ContextType>;
}>;

export type CartLineResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['CartLine'] = ResolversParentTypes['CartLine']> = ResolversObject<{
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CartPayloadResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['CartPayload'] = ResolversParentTypes['CartPayload']> = ResolversObject<{
  cart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type MoneyResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addToCart?: Resolver<ResolversTypes['CartPayload'], ParentType, ContextType, RequireFields<MutationAddToCartArgs, 'productId' | 'quantity'>>;
  advanceOrder?: Resolver<ResolversTypes['OrderPayload'], ParentType, ContextType, RequireFields<MutationAdvanceOrderArgs, 'id' | 'status'>>;
  cancelOrder?: Resolver<ResolversTypes['OrderPayload'], ParentType, ContextType, RequireFields<MutationCancelOrderArgs, 'id'>>;
  placeOrder?: Resolver<ResolversTypes['OrderPayload'], ParentType, ContextType, RequireFields<MutationPlaceOrderArgs, 'input'>>;
  setCartLine?: Resolver<ResolversTypes['CartPayload'], ParentType, ContextType, RequireFields<MutationSetCartLineArgs, 'productId' | 'quantity'>>;
}>;

export type OrderResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order'], FederationReferenceType extends FederationReferenceTypes['Order'] = FederationReferenceTypes['Order']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Order']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cancellationReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['OrderStatusChange']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['OrderLine']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reservedUntil?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  shippingAddress?: Resolver<Maybe<ResolversTypes['Address']>, ParentType, ContextType>;
  shippingCost?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  shippingMethod?: Resolver<Maybe<ResolversTypes['ShippingMethod']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type OrderConnectionResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderConnection'] = ResolversParentTypes['OrderConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['OrderEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type OrderEdgeResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderEdge'] = ResolversParentTypes['OrderEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
}>;

export type OrderLineResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderLine'] = ResolversParentTypes['OrderLine']> = ResolversObject<{
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type OrderPayloadResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderPayload'] = ResolversParentTypes['OrderPayload']> = ResolversObject<{
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
}>;

export type OrderStatusChangeResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['OrderStatusChange'] = ResolversParentTypes['OrderStatusChange']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  by?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['OrderStatus']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type ProductResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  cart?: Resolver<ResolversTypes['Cart'], ParentType, ContextType>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType, RequireFields<QueryOrderArgs, 'id'>>;
  orderByNumber?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType, RequireFields<QueryOrderByNumberArgs, 'number'>>;
  orders?: Resolver<ResolversTypes['OrderConnection'], ParentType, ContextType, RequireFields<QueryOrdersArgs, 'first'>>;
}>;

export type ShippingMethodResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['ShippingMethod'] = ResolversParentTypes['ShippingMethod']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  orderStatusChanged?: SubscriptionResolver<ResolversTypes['Order'], "orderStatusChanged", ParentType, ContextType, RequireFields<SubscriptionOrderStatusChangedArgs, 'orderId'>>;
  orderUpdates?: SubscriptionResolver<ResolversTypes['Order'], "orderUpdates", ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  orders?: Resolver<ResolversTypes['OrderConnection'], ParentType, ContextType, RequireFields<UserOrdersArgs, 'first'>>;
}>;

export type UserErrorResolvers<ContextType = OrdersContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = OrdersContext> = ResolversObject<{
  Address?: AddressResolvers<ContextType>;
  Cart?: CartResolvers<ContextType>;
  CartLine?: CartLineResolvers<ContextType>;
  CartPayload?: CartPayloadResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderConnection?: OrderConnectionResolvers<ContextType>;
  OrderEdge?: OrderEdgeResolvers<ContextType>;
  OrderLine?: OrderLineResolvers<ContextType>;
  OrderPayload?: OrderPayloadResolvers<ContextType>;
  OrderStatusChange?: OrderStatusChangeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ShippingMethod?: ShippingMethodResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = OrdersContext> = ResolversObject<{
  authenticated?: AuthenticatedDirectiveResolver<any, any, ContextType>;
  ownerOrAdmin?: OwnerOrAdminDirectiveResolver<any, any, ContextType>;
  requiresRole?: RequiresRoleDirectiveResolver<any, any, ContextType>;
}>;

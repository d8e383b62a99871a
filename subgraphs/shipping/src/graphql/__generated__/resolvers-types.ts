import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { ShippingMethodRow, ShipmentRow } from '../../db/schema.js';
import { Quote } from '../../domain/quotes.js';
import { OrderParent } from '../parents.js';
import { ShippingContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
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
  /** admin or a carrier integration: LABEL_CREATED -> IN_TRANSIT -> DELIVERED. IN_TRANSIT makes the order SHIPPED, DELIVERED makes it DELIVERED (through events, live in orderStatusChanged). True when the shipment moved; a repeated status answers true and changes nothing; a status out of order is INVALID_TRANSITION, an unknown id NOT_FOUND (GraphQL errors with those codes). */
  advanceShipment: Scalars['Boolean']['output'];
};


export type MutationAdvanceShipmentArgs = {
  id: Scalars['ID']['input'];
  status: ShipmentStatus;
};

/** A customer's order. */
export type Order = {
  __typename?: 'Order';
  id: Scalars['ID']['output'];
  /** shipping subgraph: the order's parcels, oldest first; empty until the order is paid, and for orders without a shipping method. The order's customer and admins see them, anyone else an empty list. */
  shipments: Array<Shipment>;
};

export type Query = {
  __typename?: 'Query';
  /** shipping subgraph: shipments to hand to carriers and follow, newest first, at most 100; admins only. */
  shipments: Array<Shipment>;
  /** shipping subgraph: every shipping method, by name. */
  shippingMethods: Array<ShippingMethod>;
  /** shipping subgraph: what each method would cost to send one unit of each listed product (list a product twice for two units) to the region, cheapest first; methods that do not serve the region are left out. */
  shippingQuotes: Array<ShippingQuote>;
};


export type QueryShipmentsArgs = {
  status?: InputMaybe<ShipmentStatus>;
};


export type QueryShippingQuotesArgs = {
  productIds: Array<Scalars['ID']['input']>;
  region: Scalars['String']['input'];
};

/** What a user may do: shop, sell, administer. */
export type Role =
  /** Runs the shop: sees and manages every user, product, order, payment and warehouse. */
  | 'ADMIN'
  /** Shops: a cart, orders and payments of their own. Every new account has it. */
  | 'CUSTOMER'
  /** Sells: creates and updates their own products and adjusts their stock. */
  | 'SELLER';

/** A parcel of a paid order on its way to the customer; seen by the order's customer, admins and services. */
export type Shipment = {
  __typename?: 'Shipment';
  /** The shipment's id (a UUID). */
  id: Scalars['ID']['output'];
  /** The method chosen at checkout. */
  method: ShippingMethod;
  /** The order it carries. */
  order: Order;
  /** Where the parcel is. */
  status: ShipmentStatus;
  /** The carrier's tracking number, e.g. SRV-2026-000123. */
  trackingNumber: Scalars['String']['output'];
  /** When status last changed (or the label was created). */
  updatedAt: Scalars['DateTime']['output'];
};

/** Where a shipment is: LABEL_CREATED -> IN_TRANSIT -> DELIVERED, in that order only. */
export type ShipmentStatus =
  /** The customer received it; the order is DELIVERED. */
  | 'DELIVERED'
  /** The carrier has the parcel; the order is SHIPPED. */
  | 'IN_TRANSIT'
  /** The carrier's label is printed and the tracking number assigned; the parcel has not left yet. */
  | 'LABEL_CREATED';

/** A way to send a parcel: one carrier's service level, priced by destination region and parcel weight. */
export type ShippingMethod = {
  __typename?: 'ShippingMethod';
  /** The carrier that moves the parcel, e.g. Servientrega. */
  carrier: Scalars['String']['output'];
  /** The method's id (a UUID). */
  id: Scalars['ID']['output'];
  /** Display name, e.g. Estándar or Exprés. */
  name: Scalars['String']['output'];
};

/** What sending a set of products to a region costs with one method, and how long it takes. */
export type ShippingQuote = {
  __typename?: 'ShippingQuote';
  /** The price of the shipment, exact to the minor unit; the order adds it to its total. */
  cost: Money;
  /** Business days from payment to delivery, as the carrier's rate table says. */
  estimatedDays: Scalars['Int']['output'];
  /** The method quoted. */
  method: ShippingMethod;
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
  Shipment: Shipment;
  ShippingMethod: ShippingMethod;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Order:
    ( { __typename: 'Order' }
    & GraphQLRecursivePick<FederationTypes['Order'], {"id":true}> );
  Shipment:
    ( { __typename: 'Shipment' }
    & GraphQLRecursivePick<FederationTypes['Shipment'], {"id":true}> );
  ShippingMethod:
    ( { __typename: 'ShippingMethod' }
    & GraphQLRecursivePick<FederationTypes['ShippingMethod'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Order: ResolverTypeWrapper<OrderParent>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Role: Role;
  Shipment: ResolverTypeWrapper<ShipmentRow>;
  ShipmentStatus: ShipmentStatus;
  ShippingMethod: ResolverTypeWrapper<ShippingMethodRow>;
  ShippingQuote: ResolverTypeWrapper<Quote>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
  ID: Scalars['ID']['output'];
  Order: OrderParent;
  Query: Record<PropertyKey, never>;
  Shipment: ShipmentRow;
  ShippingMethod: ShippingMethodRow;
  ShippingQuote: Quote;
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
}>;

export type AuthenticatedDirectiveArgs = { };

export type AuthenticatedDirectiveResolver<Result, Parent, ContextType = ShippingContext, Args = AuthenticatedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type OwnerOrAdminDirectiveArgs = {
  publicWhen?: Maybe<Scalars['String']['input']>;
};

export type OwnerOrAdminDirectiveResolver<Result, Parent, ContextType = ShippingContext, Args = OwnerOrAdminDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresRoleDirectiveArgs = {
  roles: Array<Role>;
};

export type RequiresRoleDirectiveResolver<Result, Parent, ContextType = ShippingContext, Args = RequiresRoleDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type MoneyResolvers<ContextType = ShippingContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = ShippingContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  advanceShipment?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationAdvanceShipmentArgs, 'id' | 'status'>>;
}>;

export type OrderResolvers<ContextType = ShippingContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order'], FederationReferenceType extends FederationReferenceTypes['Order'] = FederationReferenceTypes['Order']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Order']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  shipments?: Resolver<Array<ResolversTypes['Shipment']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = ShippingContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  shipments?: Resolver<Array<ResolversTypes['Shipment']>, ParentType, ContextType, Partial<QueryShipmentsArgs>>;
  shippingMethods?: Resolver<Array<ResolversTypes['ShippingMethod']>, ParentType, ContextType>;
  shippingQuotes?: Resolver<Array<ResolversTypes['ShippingQuote']>, ParentType, ContextType, RequireFields<QueryShippingQuotesArgs, 'productIds' | 'region'>>;
}>;

export type ShipmentResolvers<ContextType = ShippingContext, ParentType extends ResolversParentTypes['Shipment'] = ResolversParentTypes['Shipment'], FederationReferenceType extends FederationReferenceTypes['Shipment'] = FederationReferenceTypes['Shipment']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Shipment']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['ShippingMethod'], ParentType, ContextType>;
  order?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ShipmentStatus'], ParentType, ContextType>;
  trackingNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type ShippingMethodResolvers<ContextType = ShippingContext, ParentType extends ResolversParentTypes['ShippingMethod'] = ResolversParentTypes['ShippingMethod'], FederationReferenceType extends FederationReferenceTypes['ShippingMethod'] = FederationReferenceTypes['ShippingMethod']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ShippingMethod']> | FederationReferenceType, FederationReferenceType, ContextType>;
  carrier?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ShippingQuoteResolvers<ContextType = ShippingContext, ParentType extends ResolversParentTypes['ShippingQuote'] = ResolversParentTypes['ShippingQuote']> = ResolversObject<{
  cost?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  estimatedDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['ShippingMethod'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = ShippingContext> = ResolversObject<{
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Shipment?: ShipmentResolvers<ContextType>;
  ShippingMethod?: ShippingMethodResolvers<ContextType>;
  ShippingQuote?: ShippingQuoteResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = ShippingContext> = ResolversObject<{
  authenticated?: AuthenticatedDirectiveResolver<any, any, ContextType>;
  ownerOrAdmin?: OwnerOrAdminDirectiveResolver<any, any, ContextType>;
  requiresRole?: RequiresRoleDirectiveResolver<any, any, ContextType>;
}>;

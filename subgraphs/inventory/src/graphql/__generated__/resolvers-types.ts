import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { WarehouseRow } from '../../db/schema.js';
import { ProductStock, WarehouseStockLevel } from '../../domain/stock.js';
import { StockMovementView } from '../../domain/movements.js';
import { ProductParent } from '../parents.js';
import { InventoryContext } from '../context.js';
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
  _FieldSet: { input: unknown; output: unknown; }
};

/** A manual change of one product's units in one warehouse, written to the ledger. */
export type AdjustStockInput = {
  /** Positive adds units, negative removes them; onHand may never go below reserved. */
  delta: Scalars['Int']['input'];
  /** The product: one the viewer sells (any, for an admin). */
  productId: Scalars['ID']['input'];
  /** RESTOCK or RETURN (positive delta only) or ADJUSTMENT; SALE is the checkout's. */
  reason: StockMovementReason;
  /** Where the units change. */
  warehouseId: Scalars['ID']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** The product's seller, or an admin. */
  adjustStock: StockPayload;
  /** The product's seller, or an admin: sets the available units at or below which the product is low on stock. Raising it over the units available now (above 0) tells the seller at once (stock.low), as a sale across it would. */
  setLowStockThreshold: SetLowStockThresholdPayload;
};


export type MutationAdjustStockArgs = {
  input: AdjustStockInput;
};


export type MutationSetLowStockThresholdArgs = {
  productId: Scalars['ID']['input'];
  threshold: Scalars['Int']['input'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the page's last item; null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page: pass endCursor as after to get them. */
  hasNextPage: Scalars['Boolean']['output'];
};

export type Product = {
  __typename?: 'Product';
  id: Scalars['ID']['output'];
  /** inventory subgraph: at or below this many available units the product's stock is lowStock and its seller is told (stock.low); 5 unless set. The product's seller and admins only (FORBIDDEN otherwise). */
  lowStockThreshold: Scalars['Int']['output'];
  /** inventory subgraph */
  stock: Stock;
  /** inventory subgraph: the stock ledger, newest first. The product's seller and admins only (FORBIDDEN otherwise). */
  stockMovements: StockMovementConnection;
};


export type ProductStockMovementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Query = {
  __typename?: 'Query';
  /** inventory subgraph: the stock of every product with units recorded in any warehouse, summed over the warehouses, low stock first: products whose stock is lowStock come first, fewest available units first, then the others the same way (ties by product id). */
  stockOverview: StockOverviewConnection;
  /** Every warehouse, by name. */
  warehouses: Array<Warehouse>;
};


export type QueryStockOverviewArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  lowStockOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

/** What a user may do: shop, sell, administer. */
export type Role =
  /** Runs the shop: sees and manages every user, product, order, payment and warehouse. */
  | 'ADMIN'
  /** Shops: a cart, orders and payments of their own. Every new account has it. */
  | 'CUSTOMER'
  /** Sells: creates and updates their own products and adjusts their stock. */
  | 'SELLER';

/** The product after setLowStockThreshold (read its lowStockThreshold and stock), or why nothing changed. */
export type SetLowStockThresholdPayload = {
  __typename?: 'SetLowStockThresholdPayload';
  /** Why nothing changed (INVALID_INPUT, NOT_FOUND, FORBIDDEN, SERVICE_UNAVAILABLE); empty on success. */
  errors: Array<UserError>;
  /** The product with its new threshold; null when errors is not empty. */
  product?: Maybe<Product>;
};

/** A product's stock summed over every warehouse. */
export type Stock = {
  __typename?: 'Stock';
  /** Units that can be ordered now: onHand - reserved, never negative. */
  available: Scalars['Int']['output'];
  /** True when available is at or below the product's low-stock threshold (5 unless set); always true with no stock at all. */
  lowStock: Scalars['Boolean']['output'];
  /** Units physically held across all warehouses. */
  onHand: Scalars['Int']['output'];
  /** Units held by unpaid orders. */
  reserved: Scalars['Int']['output'];
  /** The same numbers per warehouse holding the product, by warehouse name. */
  warehouses: Array<WarehouseStock>;
};

/** One entry of the stock ledger: who changed a product's units in a warehouse, by how much, and why. */
export type StockMovement = {
  __typename?: 'StockMovement';
  /** The user who made the change; null for system changes such as the demo seed. */
  actorId?: Maybe<Scalars['ID']['output']>;
  /** When the change was committed. */
  createdAt: Scalars['DateTime']['output'];
  /** Units added (positive) or removed (negative). */
  delta: Scalars['Int']['output'];
  /** The ledger entry's id (a UUID). */
  id: Scalars['ID']['output'];
  /** Free text the system adds, e.g. the order a SALE or RETURN belongs to; null when none. */
  note?: Maybe<Scalars['String']['output']>;
  /** Why they changed. */
  reason: StockMovementReason;
  /** Where the units changed. */
  warehouse: Warehouse;
};

/** A page of a product's stock ledger (Relay connection) and how many entries it has in all. */
export type StockMovementConnection = {
  __typename?: 'StockMovementConnection';
  /** This page's entries, newest first. */
  edges: Array<StockMovementEdge>;
  /** Whether another page follows, and the cursor to ask for it. */
  pageInfo: PageInfo;
  /** How many entries the product's ledger has in all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One ledger entry in a page of the stock ledger, with the cursor to continue after it. */
export type StockMovementEdge = {
  __typename?: 'StockMovementEdge';
  /** Opaque; pass it as after to continue after this entry. */
  cursor: Scalars['String']['output'];
  /** The ledger entry. */
  node: StockMovement;
};

/** Why a product's stock changed; every change is written to the stock movement ledger. */
export type StockMovementReason =
  /** A correction after a count, damage or loss (positive or negative delta). */
  | 'ADJUSTMENT'
  /** Units received (positive delta). */
  | 'RESTOCK'
  /** Units back in stock (positive delta): from a cancelled paid order, or a customer's return. */
  | 'RETURN'
  /** Units that left with a paid order (negative delta); recorded by the checkout only. */
  | 'SALE';

/** A page of the stock overview (Relay connection) and how many products it covers in all. */
export type StockOverviewConnection = {
  __typename?: 'StockOverviewConnection';
  /** The products of this page, low stock first. */
  edges: Array<StockOverviewEdge>;
  /** Where this page ends and whether another follows. */
  pageInfo: PageInfo;
  /** How many products the overview covers (only low-stock ones with lowStockOnly), over every page. */
  totalCount: Scalars['Int']['output'];
};

/** One product in the stock overview, with the cursor to continue after it. */
export type StockOverviewEdge = {
  __typename?: 'StockOverviewEdge';
  /** Pass as after to get the products that follow this one. */
  cursor: Scalars['String']['output'];
  /** The product; its stock (inventory) has the totals and each warehouse's units, its name, SKU and seller come from their subgraphs. */
  node: Product;
};

/** The product after adjustStock (read its stock), or why nothing changed. */
export type StockPayload = {
  __typename?: 'StockPayload';
  /** Why nothing changed (INVALID_INPUT, NOT_FOUND, FORBIDDEN, INSUFFICIENT_STOCK, SERVICE_UNAVAILABLE); empty on success. */
  errors: Array<UserError>;
  /** The product, with its stock after the change; null when errors is not empty. */
  product?: Maybe<Product>;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** inventory subgraph: fires whenever a watched product's stock changes (reservation, sale, release, restock). Omit productIds to watch every product. */
  stockChanged: Product;
};


export type SubscriptionStockChangedArgs = {
  productIds?: InputMaybe<Array<Scalars['ID']['input']>>;
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

/** A place where stock is physically held. */
export type Warehouse = {
  __typename?: 'Warehouse';
  /** The warehouse's id (a UUID). */
  id: Scalars['ID']['output'];
  /** Display name, e.g. Bodega Bogotá. */
  name: Scalars['String']['output'];
  /** Colombian department it is in, e.g. Antioquia. */
  region: Scalars['String']['output'];
};

/** A product's units in one warehouse. */
export type WarehouseStock = {
  __typename?: 'WarehouseStock';
  /** Units here that can be ordered now: onHand - reserved. */
  available: Scalars['Int']['output'];
  /** Units physically in this warehouse. */
  onHand: Scalars['Int']['output'];
  /** Of onHand, units held here by unpaid orders. */
  reserved: Scalars['Int']['output'];
  /** Which warehouse. */
  warehouse: Warehouse;
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
  Product: Product;
  Warehouse: Warehouse;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Product:
    ( { __typename: 'Product' }
    & GraphQLRecursivePick<FederationTypes['Product'], {"id":true}> );
  Warehouse:
    ( { __typename: 'Warehouse' }
    & GraphQLRecursivePick<FederationTypes['Warehouse'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AdjustStockInput: AdjustStockInput;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Product: ResolverTypeWrapper<ProductParent>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Role: Role;
  SetLowStockThresholdPayload: ResolverTypeWrapper<Omit<SetLowStockThresholdPayload, 'product'> & { product?: Maybe<ResolversTypes['Product']> }>;
  Stock: ResolverTypeWrapper<ProductStock>;
  StockMovement: ResolverTypeWrapper<StockMovementView>;
  StockMovementConnection: ResolverTypeWrapper<Omit<StockMovementConnection, 'edges'> & { edges: Array<ResolversTypes['StockMovementEdge']> }>;
  StockMovementEdge: ResolverTypeWrapper<Omit<StockMovementEdge, 'node'> & { node: ResolversTypes['StockMovement'] }>;
  StockMovementReason: StockMovementReason;
  StockOverviewConnection: ResolverTypeWrapper<Omit<StockOverviewConnection, 'edges'> & { edges: Array<ResolversTypes['StockOverviewEdge']> }>;
  StockOverviewEdge: ResolverTypeWrapper<Omit<StockOverviewEdge, 'node'> & { node: ResolversTypes['Product'] }>;
  StockPayload: ResolverTypeWrapper<Omit<StockPayload, 'product'> & { product?: Maybe<ResolversTypes['Product']> }>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  UserError: ResolverTypeWrapper<UserError>;
  Warehouse: ResolverTypeWrapper<WarehouseRow>;
  WarehouseStock: ResolverTypeWrapper<WarehouseStockLevel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AdjustStockInput: AdjustStockInput;
  Int: Scalars['Int']['output'];
  ID: Scalars['ID']['output'];
  DateTime: Scalars['DateTime']['output'];
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Product: ProductParent;
  Query: Record<PropertyKey, never>;
  SetLowStockThresholdPayload: Omit<SetLowStockThresholdPayload, 'product'> & { product?: Maybe<ResolversParentTypes['Product']> };
  Stock: ProductStock;
  StockMovement: StockMovementView;
  StockMovementConnection: Omit<StockMovementConnection, 'edges'> & { edges: Array<ResolversParentTypes['StockMovementEdge']> };
  StockMovementEdge: Omit<StockMovementEdge, 'node'> & { node: ResolversParentTypes['StockMovement'] };
  StockOverviewConnection: Omit<StockOverviewConnection, 'edges'> & { edges: Array<ResolversParentTypes['StockOverviewEdge']> };
  StockOverviewEdge: Omit<StockOverviewEdge, 'node'> & { node: ResolversParentTypes['Product'] };
  StockPayload: Omit<StockPayload, 'product'> & { product?: Maybe<ResolversParentTypes['Product']> };
  Subscription: Record<PropertyKey, never>;
  UserError: UserError;
  Warehouse: WarehouseRow;
  WarehouseStock: WarehouseStockLevel;
  String: Scalars['String']['output'];
}>;

export type AuthenticatedDirectiveArgs = { };

export type AuthenticatedDirectiveResolver<Result, Parent, ContextType = InventoryContext, Args = AuthenticatedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type OwnerOrAdminDirectiveArgs = {
  publicWhen?: Maybe<Scalars['String']['input']>;
};

export type OwnerOrAdminDirectiveResolver<Result, Parent, ContextType = InventoryContext, Args = OwnerOrAdminDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresRoleDirectiveArgs = {
  roles: Array<Role>;
};

export type RequiresRoleDirectiveResolver<Result, Parent, ContextType = InventoryContext, Args = RequiresRoleDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MutationResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  adjustStock?: Resolver<ResolversTypes['StockPayload'], ParentType, ContextType, RequireFields<MutationAdjustStockArgs, 'input'>>;
  setLowStockThreshold?: Resolver<ResolversTypes['SetLowStockThresholdPayload'], ParentType, ContextType, RequireFields<MutationSetLowStockThresholdArgs, 'productId' | 'threshold'>>;
}>;

export type PageInfoResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type ProductResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product'], FederationReferenceType extends FederationReferenceTypes['Product'] = FederationReferenceTypes['Product']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Product']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lowStockThreshold?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  stock?: Resolver<ResolversTypes['Stock'], ParentType, ContextType>;
  stockMovements?: Resolver<ResolversTypes['StockMovementConnection'], ParentType, ContextType, RequireFields<ProductStockMovementsArgs, 'first'>>;
}>;

export type QueryResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  stockOverview?: Resolver<ResolversTypes['StockOverviewConnection'], ParentType, ContextType, RequireFields<QueryStockOverviewArgs, 'first' | 'lowStockOnly'>>;
  warehouses?: Resolver<Array<ResolversTypes['Warehouse']>, ParentType, ContextType>;
}>;

export type SetLowStockThresholdPayloadResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['SetLowStockThresholdPayload'] = ResolversParentTypes['SetLowStockThresholdPayload']> = ResolversObject<{
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
}>;

export type StockResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['Stock'] = ResolversParentTypes['Stock']> = ResolversObject<{
  available?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lowStock?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  onHand?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reserved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  warehouses?: Resolver<Array<ResolversTypes['WarehouseStock']>, ParentType, ContextType>;
}>;

export type StockMovementResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['StockMovement'] = ResolversParentTypes['StockMovement']> = ResolversObject<{
  actorId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  delta?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['StockMovementReason'], ParentType, ContextType>;
  warehouse?: Resolver<ResolversTypes['Warehouse'], ParentType, ContextType>;
}>;

export type StockMovementConnectionResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['StockMovementConnection'] = ResolversParentTypes['StockMovementConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['StockMovementEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type StockMovementEdgeResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['StockMovementEdge'] = ResolversParentTypes['StockMovementEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['StockMovement'], ParentType, ContextType>;
}>;

export type StockOverviewConnectionResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['StockOverviewConnection'] = ResolversParentTypes['StockOverviewConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['StockOverviewEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type StockOverviewEdgeResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['StockOverviewEdge'] = ResolversParentTypes['StockOverviewEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
}>;

export type StockPayloadResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['StockPayload'] = ResolversParentTypes['StockPayload']> = ResolversObject<{
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  stockChanged?: SubscriptionResolver<ResolversTypes['Product'], "stockChanged", ParentType, ContextType, Partial<SubscriptionStockChangedArgs>>;
}>;

export type UserErrorResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type WarehouseResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['Warehouse'] = ResolversParentTypes['Warehouse'], FederationReferenceType extends FederationReferenceTypes['Warehouse'] = FederationReferenceTypes['Warehouse']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Warehouse']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  region?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type WarehouseStockResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['WarehouseStock'] = ResolversParentTypes['WarehouseStock']> = ResolversObject<{
  available?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onHand?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reserved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  warehouse?: Resolver<ResolversTypes['Warehouse'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = InventoryContext> = ResolversObject<{
  DateTime?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SetLowStockThresholdPayload?: SetLowStockThresholdPayloadResolvers<ContextType>;
  Stock?: StockResolvers<ContextType>;
  StockMovement?: StockMovementResolvers<ContextType>;
  StockMovementConnection?: StockMovementConnectionResolvers<ContextType>;
  StockMovementEdge?: StockMovementEdgeResolvers<ContextType>;
  StockOverviewConnection?: StockOverviewConnectionResolvers<ContextType>;
  StockOverviewEdge?: StockOverviewEdgeResolvers<ContextType>;
  StockPayload?: StockPayloadResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  Warehouse?: WarehouseResolvers<ContextType>;
  WarehouseStock?: WarehouseStockResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = InventoryContext> = ResolversObject<{
  authenticated?: AuthenticatedDirectiveResolver<any, any, ContextType>;
  ownerOrAdmin?: OwnerOrAdminDirectiveResolver<any, any, ContextType>;
  requiresRole?: RequiresRoleDirectiveResolver<any, any, ContextType>;
}>;

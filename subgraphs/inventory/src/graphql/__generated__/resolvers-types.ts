import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { WarehouseRow } from '../../db/schema.js';
import { ProductStock, WarehouseStockLevel } from '../../domain/stock.js';
import { StockMovementView } from '../../domain/movements.js';
import { ProductParent } from '../parents.js';
import { StoreSaleView } from '../../domain/store-sale.js';
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
  /** A decimal number sent as a string, e.g. "249900.00": exact, and wider than GraphQL's 32-bit Int. */
  Decimal: { input: string; output: string; }
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

/** A warehouse as an admin creates it. */
export type CreateWarehouseInput = {
  /** WAREHOUSE or STORE. */
  kind: WarehouseKind;
  /** 1 to 100 characters. */
  name: Scalars['String']['input'];
  /** Colombian department, e.g. Antioquia. */
  region: Scalars['String']['input'];
  /** The seller whose shop a STORE is (required for STORE, not allowed for WAREHOUSE). */
  sellerId?: InputMaybe<Scalars['ID']['input']>;
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
  /** The product's seller, or an admin. */
  adjustStock: StockPayload;
  /** Admins: a new warehouse or a seller's shop (STORE). */
  createWarehouse: WarehousePayload;
  /** the seller owning the store, or an admin */
  recordStoreSale: StoreSalePayload;
  /** The product's seller, or an admin: sets the available units at or below which the product is low on stock. Raising it over the units available now (above 0) tells the seller at once (stock.low), as a sale across it would. */
  setLowStockThreshold: SetLowStockThresholdPayload;
  /** The product's seller, or an admin: moves units between two warehouses in one transaction (a TRANSFER movement out of one and into the other); the source never goes below its reserved units (INSUFFICIENT_STOCK). */
  transferStock: StockPayload;
};


export type MutationAdjustStockArgs = {
  input: AdjustStockInput;
};


export type MutationCreateWarehouseArgs = {
  input: CreateWarehouseInput;
};


export type MutationRecordStoreSaleArgs = {
  input: StoreSaleInput;
};


export type MutationSetLowStockThresholdArgs = {
  productId: Scalars['ID']['input'];
  threshold: Scalars['Int']['input'];
};


export type MutationTransferStockArgs = {
  input: TransferStockInput;
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

/** A product to sell or order and how many. */
export type OrderLineInput = {
  /** An ACTIVE product's id. */
  productId: Scalars['ID']['input'];
  /** 1 to 999. */
  quantity: Scalars['Int']['input'];
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
  /** inventory subgraph: the viewer's own shops (every STORE, for an admin), by name: where recordStoreSale may sell. */
  myStores: Array<Warehouse>;
  /** inventory subgraph: the stock of every product with units recorded in any warehouse, summed over the warehouses, low stock first: products whose stock is lowStock come first, fewest available units first, then the others the same way (ties by product id). */
  stockOverview: StockOverviewConnection;
  /** inventory subgraph: a counter sale by id; its store's seller and admins only (null for anyone else, and for an unknown id). */
  storeSale?: Maybe<StoreSale>;
  /** Every warehouse, by name; only those of kind when given. */
  warehouses: Array<Warehouse>;
};


export type QueryStockOverviewArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  lowStockOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryStoreSaleArgs = {
  id: Scalars['ID']['input'];
};


export type QueryWarehousesArgs = {
  kind?: InputMaybe<WarehouseKind>;
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
  | 'SALE'
  /** Units moved between warehouses: negative where they left, positive where they arrived (transferStock; note names the other warehouse). */
  | 'TRANSFER';

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

/** A sale at a seller's shop counter, taken from the store's own units. */
export type StoreSale = {
  __typename?: 'StoreSale';
  /** Who rang it up. */
  cashier: User;
  /** When it was recorded. */
  createdAt: Scalars['DateTime']['output'];
  /** The sale's id (a UUID). */
  id: Scalars['ID']['output'];
  /** What was sold, in the order given. */
  lines: Array<OrderLine>;
  /** Printed on the receipt, e.g. POS-000123; unique. */
  receiptNumber: Scalars['String']['output'];
  /** The sum of the lines' totals. */
  total: Money;
  /** The store that sold. */
  warehouse: Warehouse;
};

/** A counter sale: the store, the lines and an idempotency key. */
export type StoreSaleInput = {
  /** The same key returns the same sale instead of selling twice (a retried request after a dropped connection). */
  idempotencyKey: Scalars['String']['input'];
  /** 1 to 100 lines of the store seller's ACTIVE products. */
  lines: Array<OrderLineInput>;
  /** A STORE warehouse of the viewer's (any store, for an admin). */
  warehouseId: Scalars['ID']['input'];
};

/** The sale after recordStoreSale, or why nothing was sold. */
export type StoreSalePayload = {
  __typename?: 'StoreSalePayload';
  /** Why nothing was sold (INVALID_INPUT, NOT_FOUND, FORBIDDEN, OUT_OF_STOCK, NOT_PURCHASABLE, SERVICE_UNAVAILABLE); empty on success. */
  errors: Array<UserError>;
  /** The sale with its receipt number; null when errors is not empty. */
  sale?: Maybe<StoreSale>;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** inventory subgraph: fires whenever a watched product's stock changes (reservation, sale, release, restock). Omit productIds to watch every product. */
  stockChanged: Product;
};


export type SubscriptionStockChangedArgs = {
  productIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** Units of one product moved from one warehouse to another. */
export type TransferStockInput = {
  /** Where the units leave; its available units (onHand - reserved) must cover quantity. */
  fromWarehouseId: Scalars['ID']['input'];
  /** The product: one the viewer sells (any, for an admin). */
  productId: Scalars['ID']['input'];
  /** 1 to 1000000. */
  quantity: Scalars['Int']['input'];
  /** Where the units arrive; not fromWarehouseId. */
  toWarehouseId: Scalars['ID']['input'];
};

export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
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
  /** WAREHOUSE for a store room, STORE for a seller's physical shop that sells from its own units (recordStoreSale); web orders take units from both. */
  kind: WarehouseKind;
  /** Display name, e.g. Bodega Bogotá. */
  name: Scalars['String']['output'];
  /** Colombian department it is in, e.g. Antioquia. */
  region: Scalars['String']['output'];
  /** The seller whose shop a STORE is; null for a WAREHOUSE (the platform's). */
  seller?: Maybe<User>;
};

/** What a warehouse is for. */
export type WarehouseKind =
  /** A seller's physical shop: its units are sold at the counter (recordStoreSale) and online, from the same stock. */
  | 'STORE'
  /** A store room: its units are sold online only. */
  | 'WAREHOUSE';

/** The warehouse after createWarehouse, or why nothing changed. */
export type WarehousePayload = {
  __typename?: 'WarehousePayload';
  /** Why nothing changed (INVALID_INPUT, FORBIDDEN); empty on success. */
  errors: Array<UserError>;
  /** The new warehouse; null when errors is not empty. */
  warehouse?: Maybe<Warehouse>;
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
  StoreSale: StoreSale;
  Warehouse: Warehouse;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Product:
    ( { __typename: 'Product' }
    & GraphQLRecursivePick<FederationTypes['Product'], {"id":true}> );
  StoreSale:
    ( { __typename: 'StoreSale' }
    & GraphQLRecursivePick<FederationTypes['StoreSale'], {"id":true}> );
  Warehouse:
    ( { __typename: 'Warehouse' }
    & GraphQLRecursivePick<FederationTypes['Warehouse'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AdjustStockInput: AdjustStockInput;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CreateWarehouseInput: CreateWarehouseInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OrderLine: ResolverTypeWrapper<Omit<OrderLine, 'product'> & { product: ResolversTypes['Product'] }>;
  OrderLineInput: OrderLineInput;
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
  StoreSale: ResolverTypeWrapper<StoreSaleView>;
  StoreSaleInput: StoreSaleInput;
  StoreSalePayload: ResolverTypeWrapper<Omit<StoreSalePayload, 'sale'> & { sale?: Maybe<ResolversTypes['StoreSale']> }>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  TransferStockInput: TransferStockInput;
  User: ResolverTypeWrapper<User>;
  UserError: ResolverTypeWrapper<UserError>;
  Warehouse: ResolverTypeWrapper<WarehouseRow>;
  WarehouseKind: WarehouseKind;
  WarehousePayload: ResolverTypeWrapper<Omit<WarehousePayload, 'warehouse'> & { warehouse?: Maybe<ResolversTypes['Warehouse']> }>;
  WarehouseStock: ResolverTypeWrapper<WarehouseStockLevel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AdjustStockInput: AdjustStockInput;
  Int: Scalars['Int']['output'];
  ID: Scalars['ID']['output'];
  CreateWarehouseInput: CreateWarehouseInput;
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  OrderLine: Omit<OrderLine, 'product'> & { product: ResolversParentTypes['Product'] };
  OrderLineInput: OrderLineInput;
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
  StoreSale: StoreSaleView;
  StoreSaleInput: StoreSaleInput;
  StoreSalePayload: Omit<StoreSalePayload, 'sale'> & { sale?: Maybe<ResolversParentTypes['StoreSale']> };
  Subscription: Record<PropertyKey, never>;
  TransferStockInput: TransferStockInput;
  User: User;
  UserError: UserError;
  Warehouse: WarehouseRow;
  WarehousePayload: Omit<WarehousePayload, 'warehouse'> & { warehouse?: Maybe<ResolversParentTypes['Warehouse']> };
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

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type MoneyResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  adjustStock?: Resolver<ResolversTypes['StockPayload'], ParentType, ContextType, RequireFields<MutationAdjustStockArgs, 'input'>>;
  createWarehouse?: Resolver<ResolversTypes['WarehousePayload'], ParentType, ContextType, RequireFields<MutationCreateWarehouseArgs, 'input'>>;
  recordStoreSale?: Resolver<ResolversTypes['StoreSalePayload'], ParentType, ContextType, RequireFields<MutationRecordStoreSaleArgs, 'input'>>;
  setLowStockThreshold?: Resolver<ResolversTypes['SetLowStockThresholdPayload'], ParentType, ContextType, RequireFields<MutationSetLowStockThresholdArgs, 'productId' | 'threshold'>>;
  transferStock?: Resolver<ResolversTypes['StockPayload'], ParentType, ContextType, RequireFields<MutationTransferStockArgs, 'input'>>;
}>;

export type OrderLineResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['OrderLine'] = ResolversParentTypes['OrderLine']> = ResolversObject<{
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
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
  myStores?: Resolver<Array<ResolversTypes['Warehouse']>, ParentType, ContextType>;
  stockOverview?: Resolver<ResolversTypes['StockOverviewConnection'], ParentType, ContextType, RequireFields<QueryStockOverviewArgs, 'first' | 'lowStockOnly'>>;
  storeSale?: Resolver<Maybe<ResolversTypes['StoreSale']>, ParentType, ContextType, RequireFields<QueryStoreSaleArgs, 'id'>>;
  warehouses?: Resolver<Array<ResolversTypes['Warehouse']>, ParentType, ContextType, Partial<QueryWarehousesArgs>>;
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

export type StoreSaleResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['StoreSale'] = ResolversParentTypes['StoreSale'], FederationReferenceType extends FederationReferenceTypes['StoreSale'] = FederationReferenceTypes['StoreSale']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['StoreSale']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cashier?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['OrderLine']>, ParentType, ContextType>;
  receiptNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  warehouse?: Resolver<ResolversTypes['Warehouse'], ParentType, ContextType>;
}>;

export type StoreSalePayloadResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['StoreSalePayload'] = ResolversParentTypes['StoreSalePayload']> = ResolversObject<{
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  sale?: Resolver<Maybe<ResolversTypes['StoreSale']>, ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  stockChanged?: SubscriptionResolver<ResolversTypes['Product'], "stockChanged", ParentType, ContextType, Partial<SubscriptionStockChangedArgs>>;
}>;

export type UserResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type WarehouseResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['Warehouse'] = ResolversParentTypes['Warehouse'], FederationReferenceType extends FederationReferenceTypes['Warehouse'] = FederationReferenceTypes['Warehouse']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Warehouse']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['WarehouseKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  region?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  seller?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
}>;

export type WarehousePayloadResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['WarehousePayload'] = ResolversParentTypes['WarehousePayload']> = ResolversObject<{
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  warehouse?: Resolver<Maybe<ResolversTypes['Warehouse']>, ParentType, ContextType>;
}>;

export type WarehouseStockResolvers<ContextType = InventoryContext, ParentType extends ResolversParentTypes['WarehouseStock'] = ResolversParentTypes['WarehouseStock']> = ResolversObject<{
  available?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onHand?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reserved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  warehouse?: Resolver<ResolversTypes['Warehouse'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = InventoryContext> = ResolversObject<{
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OrderLine?: OrderLineResolvers<ContextType>;
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
  StoreSale?: StoreSaleResolvers<ContextType>;
  StoreSalePayload?: StoreSalePayloadResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  Warehouse?: WarehouseResolvers<ContextType>;
  WarehousePayload?: WarehousePayloadResolvers<ContextType>;
  WarehouseStock?: WarehouseStockResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = InventoryContext> = ResolversObject<{
  authenticated?: AuthenticatedDirectiveResolver<any, any, ContextType>;
  ownerOrAdmin?: OwnerOrAdminDirectiveResolver<any, any, ContextType>;
  requiresRole?: RequiresRoleDirectiveResolver<any, any, ContextType>;
}>;

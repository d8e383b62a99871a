import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { ReportRange, SalesFigures, ProductSalesRow, CategorySalesRow } from '../../domain/sales-report.js';
import { InventoryHealthRow } from '../../domain/inventory-health.js';
import { AnalyticsContext } from '../context.js';
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

export type Category = {
  __typename?: 'Category';
  id: Scalars['ID']['output'];
};

/** A category's expected demand (the sum of its products' daily sales, forecast as one series). */
export type CategoryForecast = {
  __typename?: 'CategoryForecast';
  /** The chosen model's back-test; null until the first forecast batch has run. */
  accuracy?: Maybe<ForecastAccuracy>;
  /** The category forecast. */
  category: Category;
  /** How many days ahead the points go (1 to 90). */
  days: Scalars['Int']['output'];
  /** Every model's back-test on this category, the chosen one first. */
  models: Array<ForecastAccuracy>;
  /** One point per day, from today. */
  points: Array<ForecastPoint>;
};

/** One category's sales over a report's range. */
export type CategorySales = {
  __typename?: 'CategorySales';
  /** The category (its products' sales together). */
  category: Category;
  /** What those units sold for. */
  revenue: Money;
  /** Units sold and kept. */
  units: Scalars['Int']['output'];
};

/** A product's expected demand. */
export type DemandForecast = {
  __typename?: 'DemandForecast';
  /** The chosen model's back-test; null until the first forecast batch has run. */
  accuracy?: Maybe<ForecastAccuracy>;
  /** When the forecast was computed. */
  computedAt?: Maybe<Scalars['DateTime']['output']>;
  /** How many days ahead the points go (1 to 90). */
  days: Scalars['Int']['output'];
  /** Every model's back-test on this product, the chosen one first. */
  models: Array<ForecastAccuracy>;
  /** One point per day, from today. */
  points: Array<ForecastPoint>;
  /** When the units available over every warehouse run out at the expected demand; null when they last beyond the forecast. */
  predictedStockout?: Maybe<Scalars['DateTime']['output']>;
  /** The product forecast. */
  product: Product;
  /** Units to order to cover the forecast; 0 when the stock does. */
  suggestedReorder: Scalars['Int']['output'];
  /** Stock-out and reorder per warehouse holding the product (the demand split by each one's share of the units available). */
  warehouses: Array<WarehouseReorder>;
};

/** How well a model forecast a held-out window of real sales (the last days of history, hidden from it). */
export type ForecastAccuracy = {
  __typename?: 'ForecastAccuracy';
  /** sMAPE of the seasonal-naive baseline (the same weekday a week earlier) on the same window. */
  baselineSmape: Scalars['Float']['output'];
  /** Mean absolute percentage error over the days that sold something; null when none did. */
  mape?: Maybe<Scalars['Float']['output']>;
  /** prophet, ets, mstl or seasonal-naive. */
  model: Scalars['String']['output'];
  /** Symmetric mean absolute percentage error, 0 to 2. */
  smape: Scalars['Float']['output'];
  /** Days held out. */
  window: Scalars['Int']['output'];
};

/** One day of a forecast. */
export type ForecastPoint = {
  __typename?: 'ForecastPoint';
  /** The day (midnight UTC). */
  date: Scalars['DateTime']['output'];
  /** Units expected to sell that day. */
  expected: Scalars['Float']['output'];
  /** The lower end of the 80% prediction interval. */
  lower: Scalars['Float']['output'];
  /** The upper end of the 80% prediction interval. */
  upper: Scalars['Float']['output'];
};

/** How a sales series is bucketed: calendar days, ISO weeks (Monday first) or calendar months, in UTC. */
export type Granularity =
  /** One point per UTC calendar day. */
  | 'DAY'
  /** One point per UTC calendar month. */
  | 'MONTH'
  /** One point per ISO week, starting on Monday (UTC). */
  | 'WEEK';

/** How a product's stock stands against its demand. */
export type InventoryHealth = {
  __typename?: 'InventoryHealth';
  /** Units available now over every warehouse. */
  available: Scalars['Int']['output'];
  /** available divided by the average units sold per day over the last 30 days; null when nothing sold. */
  daysOfCover?: Maybe<Scalars['Float']['output']>;
  /** In stock and nothing sold in the last 30 days. */
  deadStock: Scalars['Boolean']['output'];
  /** The product. */
  product: Product;
  /** Units sold over the last 30 days divided by the average units on hand. */
  turnover: Scalars['Float']['output'];
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
  /** Admins: empties the read model and replays the event history into it; true when done. */
  rebuildAnalytics: Scalars['Boolean']['output'];
};

export type Product = {
  __typename?: 'Product';
  /** Sellers of it and admins: the forecast of its demand; null for anyone else and before the first forecast batch. */
  demandForecast?: Maybe<DemandForecast>;
  id: Scalars['ID']['output'];
};


export type ProductDemandForecastArgs = {
  days?: InputMaybe<Scalars['Int']['input']>;
};

/** One product's sales over a report's range. */
export type ProductSales = {
  __typename?: 'ProductSales';
  /** The product sold. */
  product: Product;
  /** Revenue minus the product's cost price times units; null when the seller has not set a cost price. */
  profit?: Maybe<Money>;
  /** What those units sold for. */
  revenue: Money;
  /** Units sold and kept (a refunded order's units are taken back). */
  units: Scalars['Int']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** Admins: a category's demand over every seller's products (a seller's share of it would show other sellers' sales). */
  categoryForecast?: Maybe<CategoryForecast>;
  /** Sellers: their own products; admins: any. Null for a product the viewer may not see or that has no forecast yet. */
  demandForecast?: Maybe<DemandForecast>;
  /** Sellers: their own products; admins: every product. Least cover first. */
  inventoryHealth: Array<InventoryHealth>;
  /** sellers: their own products; admins: everything */
  salesReport: SalesReport;
};


export type QueryCategoryForecastArgs = {
  categoryId: Scalars['ID']['input'];
  days?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDemandForecastArgs = {
  days?: InputMaybe<Scalars['Int']['input']>;
  productId: Scalars['ID']['input'];
};


export type QueryInventoryHealthArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySalesReportArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};

/** What a user may do: shop, sell, administer. */
export type Role =
  /** Runs the shop: sees and manages every user, product, order, payment and warehouse. */
  | 'ADMIN'
  /** Shops: a cart, orders and payments of their own. Every new account has it. */
  | 'CUSTOMER'
  /** Sells: creates and updates their own products and adjusts their stock. */
  | 'SELLER';

/** Sales in one period (or over a whole report): counted when an order is paid, taken back when a paid order is refunded. */
export type SalesPoint = {
  __typename?: 'SalesPoint';
  /** revenue / orders; zero when there were no orders. */
  averageBasket: Money;
  /** Orders paid. */
  orders: Scalars['Int']['output'];
  /** The period's start (UTC). */
  period: Scalars['DateTime']['output'];
  /** What those units sold for. */
  revenue: Money;
  /** Units sold. */
  units: Scalars['Int']['output'];
};

/** Sales over a date range: sellers see their own products only, admins everything. */
export type SalesReport = {
  __typename?: 'SalesReport';
  /** Of the orders placed in the range, the share that was paid, 0 to 1. */
  conversionRate: Scalars['Float']['output'];
  /** The range's start (included). */
  from: Scalars['DateTime']['output'];
  /** Of the customers who paid in the range, the share who had paid before (in the range or earlier), 0 to 1. */
  repeatCustomerRate: Scalars['Float']['output'];
  /** The range period by period, oldest first, periods without sales included. */
  series: Array<SalesPoint>;
  /** The range's end (excluded). */
  to: Scalars['DateTime']['output'];
  /** Best-selling categories by revenue. */
  topCategories: Array<CategorySales>;
  /** Best-selling products by revenue. */
  topProducts: Array<ProductSales>;
  /** The whole range as one point (its period is from). */
  totals: SalesPoint;
};


/** Sales over a date range: sellers see their own products only, admins everything. */
export type SalesReportSeriesArgs = {
  granularity?: InputMaybe<Granularity>;
};


/** Sales over a date range: sellers see their own products only, admins everything. */
export type SalesReportTopCategoriesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Sales over a date range: sellers see their own products only, admins everything. */
export type SalesReportTopProductsArgs = {
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

export type Warehouse = {
  __typename?: 'Warehouse';
  id: Scalars['ID']['output'];
};

/** Stock-out and reorder for one warehouse. */
export type WarehouseReorder = {
  __typename?: 'WarehouseReorder';
  /** Units of the product available there now. */
  available: Scalars['Int']['output'];
  /** When this warehouse's units run out at the expected demand; null when they last beyond the forecast. */
  predictedStockout?: Maybe<Scalars['DateTime']['output']>;
  /** Units to order for this warehouse to cover the forecast and the supplier lead time. */
  suggestedReorder: Scalars['Int']['output'];
  /** The warehouse. */
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
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Product:
    ( { __typename: 'Product' }
    & GraphQLRecursivePick<FederationTypes['Product'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Category: ResolverTypeWrapper<Category>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CategoryForecast: ResolverTypeWrapper<CategoryForecast>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CategorySales: ResolverTypeWrapper<CategorySalesRow>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  DemandForecast: ResolverTypeWrapper<DemandForecast>;
  ForecastAccuracy: ResolverTypeWrapper<ForecastAccuracy>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ForecastPoint: ResolverTypeWrapper<ForecastPoint>;
  Granularity: Granularity;
  InventoryHealth: ResolverTypeWrapper<InventoryHealthRow>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Product: ResolverTypeWrapper<Product>;
  ProductSales: ResolverTypeWrapper<ProductSalesRow>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Role: Role;
  SalesPoint: ResolverTypeWrapper<SalesFigures>;
  SalesReport: ResolverTypeWrapper<ReportRange>;
  UserError: ResolverTypeWrapper<UserError>;
  Warehouse: ResolverTypeWrapper<Warehouse>;
  WarehouseReorder: ResolverTypeWrapper<WarehouseReorder>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Category: Category;
  ID: Scalars['ID']['output'];
  CategoryForecast: CategoryForecast;
  Int: Scalars['Int']['output'];
  CategorySales: CategorySalesRow;
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  DemandForecast: DemandForecast;
  ForecastAccuracy: ForecastAccuracy;
  Float: Scalars['Float']['output'];
  ForecastPoint: ForecastPoint;
  InventoryHealth: InventoryHealthRow;
  Boolean: Scalars['Boolean']['output'];
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  Product: Product | FederationReferenceTypes['Product'];
  ProductSales: ProductSalesRow;
  Query: Record<PropertyKey, never>;
  SalesPoint: SalesFigures;
  SalesReport: ReportRange;
  UserError: UserError;
  Warehouse: Warehouse;
  WarehouseReorder: WarehouseReorder;
  String: Scalars['String']['output'];
}>;

export type AuthenticatedDirectiveArgs = { };

export type AuthenticatedDirectiveResolver<Result, Parent, ContextType = AnalyticsContext, Args = AuthenticatedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type OwnerOrAdminDirectiveArgs = {
  publicWhen?: Maybe<Scalars['String']['input']>;
};

export type OwnerOrAdminDirectiveResolver<Result, Parent, ContextType = AnalyticsContext, Args = OwnerOrAdminDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresRoleDirectiveArgs = {
  roles: Array<Role>;
};

export type RequiresRoleDirectiveResolver<Result, Parent, ContextType = AnalyticsContext, Args = RequiresRoleDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CategoryResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['Category'] = ResolversParentTypes['Category']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type CategoryForecastResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['CategoryForecast'] = ResolversParentTypes['CategoryForecast']> = ResolversObject<{
  accuracy?: Resolver<Maybe<ResolversTypes['ForecastAccuracy']>, ParentType, ContextType>;
  category?: Resolver<ResolversTypes['Category'], ParentType, ContextType>;
  days?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  models?: Resolver<Array<ResolversTypes['ForecastAccuracy']>, ParentType, ContextType>;
  points?: Resolver<Array<ResolversTypes['ForecastPoint']>, ParentType, ContextType>;
}>;

export type CategorySalesResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['CategorySales'] = ResolversParentTypes['CategorySales']> = ResolversObject<{
  category?: Resolver<ResolversTypes['Category'], ParentType, ContextType>;
  revenue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  units?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type DemandForecastResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['DemandForecast'] = ResolversParentTypes['DemandForecast']> = ResolversObject<{
  accuracy?: Resolver<Maybe<ResolversTypes['ForecastAccuracy']>, ParentType, ContextType>;
  computedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  days?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  models?: Resolver<Array<ResolversTypes['ForecastAccuracy']>, ParentType, ContextType>;
  points?: Resolver<Array<ResolversTypes['ForecastPoint']>, ParentType, ContextType>;
  predictedStockout?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  suggestedReorder?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  warehouses?: Resolver<Array<ResolversTypes['WarehouseReorder']>, ParentType, ContextType>;
}>;

export type ForecastAccuracyResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['ForecastAccuracy'] = ResolversParentTypes['ForecastAccuracy']> = ResolversObject<{
  baselineSmape?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  mape?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  model?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  smape?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  window?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ForecastPointResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['ForecastPoint'] = ResolversParentTypes['ForecastPoint']> = ResolversObject<{
  date?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  expected?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lower?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  upper?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type InventoryHealthResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['InventoryHealth'] = ResolversParentTypes['InventoryHealth']> = ResolversObject<{
  available?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  daysOfCover?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  deadStock?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  turnover?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  rebuildAnalytics?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type ProductResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product'], FederationReferenceType extends FederationReferenceTypes['Product'] = FederationReferenceTypes['Product']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Product']> | FederationReferenceType, FederationReferenceType, ContextType>;
  demandForecast?: Resolver<Maybe<ResolversTypes['DemandForecast']>, ParentType, ContextType, RequireFields<ProductDemandForecastArgs, 'days'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type ProductSalesResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['ProductSales'] = ResolversParentTypes['ProductSales']> = ResolversObject<{
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  profit?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  revenue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  units?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  categoryForecast?: Resolver<Maybe<ResolversTypes['CategoryForecast']>, ParentType, ContextType, RequireFields<QueryCategoryForecastArgs, 'categoryId' | 'days'>>;
  demandForecast?: Resolver<Maybe<ResolversTypes['DemandForecast']>, ParentType, ContextType, RequireFields<QueryDemandForecastArgs, 'days' | 'productId'>>;
  inventoryHealth?: Resolver<Array<ResolversTypes['InventoryHealth']>, ParentType, ContextType, RequireFields<QueryInventoryHealthArgs, 'first'>>;
  salesReport?: Resolver<ResolversTypes['SalesReport'], ParentType, ContextType, RequireFields<QuerySalesReportArgs, 'from' | 'to'>>;
}>;

export type SalesPointResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['SalesPoint'] = ResolversParentTypes['SalesPoint']> = ResolversObject<{
  averageBasket?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  orders?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  revenue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  units?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type SalesReportResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['SalesReport'] = ResolversParentTypes['SalesReport']> = ResolversObject<{
  conversionRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  repeatCustomerRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  series?: Resolver<Array<ResolversTypes['SalesPoint']>, ParentType, ContextType, RequireFields<SalesReportSeriesArgs, 'granularity'>>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  topCategories?: Resolver<Array<ResolversTypes['CategorySales']>, ParentType, ContextType, RequireFields<SalesReportTopCategoriesArgs, 'first'>>;
  topProducts?: Resolver<Array<ResolversTypes['ProductSales']>, ParentType, ContextType, RequireFields<SalesReportTopProductsArgs, 'first'>>;
  totals?: Resolver<ResolversTypes['SalesPoint'], ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type WarehouseResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['Warehouse'] = ResolversParentTypes['Warehouse']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type WarehouseReorderResolvers<ContextType = AnalyticsContext, ParentType extends ResolversParentTypes['WarehouseReorder'] = ResolversParentTypes['WarehouseReorder']> = ResolversObject<{
  available?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  predictedStockout?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  suggestedReorder?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  warehouse?: Resolver<ResolversTypes['Warehouse'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = AnalyticsContext> = ResolversObject<{
  Category?: CategoryResolvers<ContextType>;
  CategoryForecast?: CategoryForecastResolvers<ContextType>;
  CategorySales?: CategorySalesResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  DemandForecast?: DemandForecastResolvers<ContextType>;
  ForecastAccuracy?: ForecastAccuracyResolvers<ContextType>;
  ForecastPoint?: ForecastPointResolvers<ContextType>;
  InventoryHealth?: InventoryHealthResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  ProductSales?: ProductSalesResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SalesPoint?: SalesPointResolvers<ContextType>;
  SalesReport?: SalesReportResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  Warehouse?: WarehouseResolvers<ContextType>;
  WarehouseReorder?: WarehouseReorderResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = AnalyticsContext> = ResolversObject<{
  authenticated?: AuthenticatedDirectiveResolver<any, any, ContextType>;
  ownerOrAdmin?: OwnerOrAdminDirectiveResolver<any, any, ContextType>;
  requiresRole?: RequiresRoleDirectiveResolver<any, any, ContextType>;
}>;

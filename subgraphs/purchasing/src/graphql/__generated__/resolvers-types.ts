import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { SupplierRow, ReorderRow } from '../../db/schema.js';
import { ProductParent, WarehouseParent, UserParent } from '../parents.js';
import { PurchasingContext } from '../context.js';
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

export type Mutation = {
  __typename?: 'Mutation';
  /** DRAFT -> SENT -> RECEIVED (restocks) | CANCELLED */
  advanceReorder: ReorderPayload;
  /** The seller, or an admin: writes a DRAFT reorder request. */
  createReorder: ReorderPayload;
  /** A seller (their own supplier) or an admin (for no seller: not allowed, INVALID_INPUT). */
  createSupplier: SupplierPayload;
  /** The product's seller, or an admin: who the product is restocked from (one of the seller's suppliers), or null to clear it. */
  setProductSupplier: ProductSupplierPayload;
  /** The supplier's seller, or an admin: replaces its name, contact and lead time. */
  updateSupplier: SupplierPayload;
};


export type MutationAdvanceReorderArgs = {
  id: Scalars['ID']['input'];
  status: ReorderStatus;
};


export type MutationCreateReorderArgs = {
  input: ReorderInput;
};


export type MutationCreateSupplierArgs = {
  input: SupplierInput;
  sellerId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationSetProductSupplierArgs = {
  productId: Scalars['ID']['input'];
  supplierId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationUpdateSupplierArgs = {
  id: Scalars['ID']['input'];
  input: SupplierInput;
};

export type Product = {
  __typename?: 'Product';
  id: Scalars['ID']['output'];
  /** purchasing subgraph: who the seller restocks it from; null when none is set. The product's seller and admins only (null for anyone else). */
  supplier?: Maybe<Supplier>;
};

/** The product after setProductSupplier, or why nothing changed. */
export type ProductSupplierPayload = {
  __typename?: 'ProductSupplierPayload';
  /** Why nothing changed (INVALID_INPUT, NOT_FOUND, FORBIDDEN, SERVICE_UNAVAILABLE when products does not answer); empty on success. */
  errors: Array<UserError>;
  /** The product, with its supplier; null when errors is not empty. */
  product?: Maybe<Product>;
};

export type Query = {
  __typename?: 'Query';
  /** purchasing subgraph: the viewer's reorder requests, newest first, at most 100 (every seller's, for an admin). */
  reorderRequests: Array<ReorderRequest>;
  /** purchasing subgraph: the viewer's suppliers by name, at most 100 (every seller's, for an admin). */
  suppliers: Array<Supplier>;
};


export type QueryReorderRequestsArgs = {
  status?: InputMaybe<ReorderStatus>;
};

/** A reorder as a seller writes it (it starts as DRAFT). */
export type ReorderInput = {
  /** A product the viewer sells (any, for an admin). */
  productId: Scalars['ID']['input'];
  /** 1 to 1000000. */
  quantity: Scalars['Int']['input'];
  /** One of the viewer's suppliers (any, for an admin). */
  supplierId: Scalars['ID']['input'];
  /** The warehouse that will receive the units. */
  warehouseId: Scalars['ID']['input'];
};

/** The reorder after createReorder or advanceReorder, or why nothing changed. */
export type ReorderPayload = {
  __typename?: 'ReorderPayload';
  /** Why nothing changed (INVALID_INPUT, NOT_FOUND, FORBIDDEN, INVALID_TRANSITION, SERVICE_UNAVAILABLE when products or inventory does not answer); empty on success. */
  errors: Array<UserError>;
  /** The reorder request; null when errors is not empty. */
  reorder?: Maybe<ReorderRequest>;
};

/** A request to a supplier for units of one product, delivered to one warehouse. Seen by its seller and by admins. */
export type ReorderRequest = {
  __typename?: 'ReorderRequest';
  /** When it was written. */
  createdAt: Scalars['DateTime']['output'];
  /** The request's id (a UUID). */
  id: Scalars['ID']['output'];
  /** The product reordered. */
  product: Product;
  /** Units requested, 1 to 1000000. */
  quantity: Scalars['Int']['output'];
  /** Where the request is. */
  status: ReorderStatus;
  /** True when the platform wrote it on a low-stock event (quantity from the demand forecast over the supplier's lead time when one exists); false when a person did. */
  suggested: Scalars['Boolean']['output'];
  /** Who supplies the units. */
  supplier: Supplier;
  /** When status last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Where the units will be received. */
  warehouse: Warehouse;
};

/** Where a reorder request is: DRAFT -> SENT -> RECEIVED, or DRAFT/SENT -> CANCELLED. */
export type ReorderStatus =
  /** Called off before it was received. */
  | 'CANCELLED'
  /** Written (by the seller, or suggested on low stock) but not sent to the supplier. */
  | 'DRAFT'
  /** The units arrived: the warehouse was restocked by quantity (one RESTOCK movement, once). */
  | 'RECEIVED'
  /** Sent to the supplier; the units are on their way. */
  | 'SENT';

/** What a user may do: shop, sell, administer. */
export type Role =
  /** Runs the shop: sees and manages every user, product, order, payment and warehouse. */
  | 'ADMIN'
  /** Shops: a cart, orders and payments of their own. Every new account has it. */
  | 'CUSTOMER'
  /** Sells: creates and updates their own products and adjusts their stock. */
  | 'SELLER';

/** A company a seller buys stock from. Seen by the seller who keeps it and by admins. */
export type Supplier = {
  __typename?: 'Supplier';
  /** Where reorders are sent; null when the seller has none on file. */
  contactEmail?: Maybe<Scalars['String']['output']>;
  /** The supplier's id (a UUID). */
  id: Scalars['ID']['output'];
  /** Days from sending a reorder to receiving the units, 0 to 365; reorder suggestions cover this many days of demand. */
  leadTimeDays: Scalars['Int']['output'];
  /** The supplier's name, 1 to 200 characters. */
  name: Scalars['String']['output'];
  /** The seller who buys from this supplier. */
  seller: User;
};

/** A supplier as a seller enters it. */
export type SupplierInput = {
  /** A valid e-mail address, or omit. */
  contactEmail?: InputMaybe<Scalars['String']['input']>;
  /** 0 to 365. */
  leadTimeDays: Scalars['Int']['input'];
  /** 1 to 200 characters. */
  name: Scalars['String']['input'];
};

/** The supplier after createSupplier or updateSupplier, or why nothing changed. */
export type SupplierPayload = {
  __typename?: 'SupplierPayload';
  /** Why nothing changed (INVALID_INPUT, NOT_FOUND, FORBIDDEN); empty on success. */
  errors: Array<UserError>;
  /** The supplier; null when errors is not empty. */
  supplier?: Maybe<Supplier>;
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

export type Warehouse = {
  __typename?: 'Warehouse';
  id: Scalars['ID']['output'];
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
  ReorderRequest: ReorderRequest;
  Supplier: Supplier;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Product:
    ( { __typename: 'Product' }
    & GraphQLRecursivePick<FederationTypes['Product'], {"id":true}> );
  ReorderRequest:
    ( { __typename: 'ReorderRequest' }
    & GraphQLRecursivePick<FederationTypes['ReorderRequest'], {"id":true}> );
  Supplier:
    ( { __typename: 'Supplier' }
    & GraphQLRecursivePick<FederationTypes['Supplier'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Product: ResolverTypeWrapper<ProductParent>;
  ProductSupplierPayload: ResolverTypeWrapper<Omit<ProductSupplierPayload, 'product'> & { product?: Maybe<ResolversTypes['Product']> }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReorderInput: ReorderInput;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ReorderPayload: ResolverTypeWrapper<Omit<ReorderPayload, 'reorder'> & { reorder?: Maybe<ResolversTypes['ReorderRequest']> }>;
  ReorderRequest: ResolverTypeWrapper<ReorderRow>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ReorderStatus: ReorderStatus;
  Role: Role;
  Supplier: ResolverTypeWrapper<SupplierRow>;
  SupplierInput: SupplierInput;
  SupplierPayload: ResolverTypeWrapper<Omit<SupplierPayload, 'supplier'> & { supplier?: Maybe<ResolversTypes['Supplier']> }>;
  User: ResolverTypeWrapper<UserParent>;
  UserError: ResolverTypeWrapper<UserError>;
  Warehouse: ResolverTypeWrapper<WarehouseParent>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  DateTime: Scalars['DateTime']['output'];
  Mutation: Record<PropertyKey, never>;
  ID: Scalars['ID']['output'];
  Product: ProductParent;
  ProductSupplierPayload: Omit<ProductSupplierPayload, 'product'> & { product?: Maybe<ResolversParentTypes['Product']> };
  Query: Record<PropertyKey, never>;
  ReorderInput: ReorderInput;
  Int: Scalars['Int']['output'];
  ReorderPayload: Omit<ReorderPayload, 'reorder'> & { reorder?: Maybe<ResolversParentTypes['ReorderRequest']> };
  ReorderRequest: ReorderRow;
  Boolean: Scalars['Boolean']['output'];
  Supplier: SupplierRow;
  SupplierInput: SupplierInput;
  SupplierPayload: Omit<SupplierPayload, 'supplier'> & { supplier?: Maybe<ResolversParentTypes['Supplier']> };
  User: UserParent;
  UserError: UserError;
  Warehouse: WarehouseParent;
  String: Scalars['String']['output'];
}>;

export type AuthenticatedDirectiveArgs = { };

export type AuthenticatedDirectiveResolver<Result, Parent, ContextType = PurchasingContext, Args = AuthenticatedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type OwnerOrAdminDirectiveArgs = {
  publicWhen?: Maybe<Scalars['String']['input']>;
};

export type OwnerOrAdminDirectiveResolver<Result, Parent, ContextType = PurchasingContext, Args = OwnerOrAdminDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresRoleDirectiveArgs = {
  roles: Array<Role>;
};

export type RequiresRoleDirectiveResolver<Result, Parent, ContextType = PurchasingContext, Args = RequiresRoleDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MutationResolvers<ContextType = PurchasingContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  advanceReorder?: Resolver<ResolversTypes['ReorderPayload'], ParentType, ContextType, RequireFields<MutationAdvanceReorderArgs, 'id' | 'status'>>;
  createReorder?: Resolver<ResolversTypes['ReorderPayload'], ParentType, ContextType, RequireFields<MutationCreateReorderArgs, 'input'>>;
  createSupplier?: Resolver<ResolversTypes['SupplierPayload'], ParentType, ContextType, RequireFields<MutationCreateSupplierArgs, 'input'>>;
  setProductSupplier?: Resolver<ResolversTypes['ProductSupplierPayload'], ParentType, ContextType, RequireFields<MutationSetProductSupplierArgs, 'productId'>>;
  updateSupplier?: Resolver<ResolversTypes['SupplierPayload'], ParentType, ContextType, RequireFields<MutationUpdateSupplierArgs, 'id' | 'input'>>;
}>;

export type ProductResolvers<ContextType = PurchasingContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product'], FederationReferenceType extends FederationReferenceTypes['Product'] = FederationReferenceTypes['Product']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Product']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  supplier?: Resolver<Maybe<ResolversTypes['Supplier']>, ParentType, ContextType>;
}>;

export type ProductSupplierPayloadResolvers<ContextType = PurchasingContext, ParentType extends ResolversParentTypes['ProductSupplierPayload'] = ResolversParentTypes['ProductSupplierPayload']> = ResolversObject<{
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = PurchasingContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  reorderRequests?: Resolver<Array<ResolversTypes['ReorderRequest']>, ParentType, ContextType, Partial<QueryReorderRequestsArgs>>;
  suppliers?: Resolver<Array<ResolversTypes['Supplier']>, ParentType, ContextType>;
}>;

export type ReorderPayloadResolvers<ContextType = PurchasingContext, ParentType extends ResolversParentTypes['ReorderPayload'] = ResolversParentTypes['ReorderPayload']> = ResolversObject<{
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  reorder?: Resolver<Maybe<ResolversTypes['ReorderRequest']>, ParentType, ContextType>;
}>;

export type ReorderRequestResolvers<ContextType = PurchasingContext, ParentType extends ResolversParentTypes['ReorderRequest'] = ResolversParentTypes['ReorderRequest'], FederationReferenceType extends FederationReferenceTypes['ReorderRequest'] = FederationReferenceTypes['ReorderRequest']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ReorderRequest']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReorderStatus'], ParentType, ContextType>;
  suggested?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  supplier?: Resolver<ResolversTypes['Supplier'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  warehouse?: Resolver<ResolversTypes['Warehouse'], ParentType, ContextType>;
}>;

export type SupplierResolvers<ContextType = PurchasingContext, ParentType extends ResolversParentTypes['Supplier'] = ResolversParentTypes['Supplier'], FederationReferenceType extends FederationReferenceTypes['Supplier'] = FederationReferenceTypes['Supplier']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Supplier']> | FederationReferenceType, FederationReferenceType, ContextType>;
  contactEmail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  leadTimeDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  seller?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type SupplierPayloadResolvers<ContextType = PurchasingContext, ParentType extends ResolversParentTypes['SupplierPayload'] = ResolversParentTypes['SupplierPayload']> = ResolversObject<{
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  supplier?: Resolver<Maybe<ResolversTypes['Supplier']>, ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = PurchasingContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = PurchasingContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type WarehouseResolvers<ContextType = PurchasingContext, ParentType extends ResolversParentTypes['Warehouse'] = ResolversParentTypes['Warehouse']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = PurchasingContext> = ResolversObject<{
  DateTime?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  ProductSupplierPayload?: ProductSupplierPayloadResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReorderPayload?: ReorderPayloadResolvers<ContextType>;
  ReorderRequest?: ReorderRequestResolvers<ContextType>;
  Supplier?: SupplierResolvers<ContextType>;
  SupplierPayload?: SupplierPayloadResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  Warehouse?: WarehouseResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = PurchasingContext> = ResolversObject<{
  authenticated?: AuthenticatedDirectiveResolver<any, any, ContextType>;
  ownerOrAdmin?: OwnerOrAdminDirectiveResolver<any, any, ContextType>;
  requiresRole?: RequiresRoleDirectiveResolver<any, any, ContextType>;
}>;

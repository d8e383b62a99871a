import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { UserRow } from '../../db/schema.js';
import { UsersContext } from '../context.js';
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

/** A delivery address as the user enters it. */
export type AddressInput = {
  /** 1 to 100 characters. */
  city: Scalars['String']['input'];
  /** ISO 3166-1 alpha-2 country code, e.g. CO. */
  country: Scalars['String']['input'];
  /** 1 to 200 characters. */
  line1: Scalars['String']['input'];
  /** Up to 200 characters. */
  line2?: InputMaybe<Scalars['String']['input']>;
  /** Up to 30 characters: digits, spaces, +, -, ( and ). */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Up to 20 letters, digits, spaces and -. */
  postalCode?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 200 characters. */
  recipient: Scalars['String']['input'];
  /** 1 to 100 characters: a Colombian department for Colombia, e.g. Antioquia or Bogotá D.C. */
  region: Scalars['String']['input'];
};

/** The address after addAddress or updateAddress, or why nothing changed. */
export type AddressPayload = {
  __typename?: 'AddressPayload';
  /** The saved address; null when errors is not empty. */
  address?: Maybe<Address>;
  /** Why nothing changed (INVALID_INPUT, NOT_FOUND, LIMIT_REACHED); empty on success. */
  errors: Array<UserError>;
};

/** The result of register or login: a token and its user, or the errors. */
export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** Why not (INVALID_INPUT, EMAIL_TAKEN, INVALID_CREDENTIALS, FORBIDDEN); empty on success. */
  errors: Array<UserError>;
  /** A signed JWT to send as 'Authorization: Bearer <token>' and in the graphql-ws connection_init payload as { authorization: 'Bearer <token>' }. */
  token?: Maybe<Scalars['String']['output']>;
  /** The account signed in; null when errors is not empty. */
  user?: Maybe<User>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Saves a delivery address for the viewer (at most 20). */
  addAddress: AddressPayload;
  /** Marks a product as the viewer's favourite; true when it was added, false when it already was one. An id that is no product is NOT_FOUND (a GraphQL error). */
  addFavorite: Scalars['Boolean']['output'];
  /** Signs in with email and password. */
  login: AuthPayload;
  /** Creates an account and signs it in. */
  register: AuthPayload;
  /** Deletes one of the viewer's saved addresses (orders keep their copy); the payload's address is the deleted one. */
  removeAddress: AddressPayload;
  /** Unmarks a favourite; true when it was one, false when it was not. */
  removeFavorite: Scalars['Boolean']['output'];
  /** Replaces one of the viewer's saved addresses; orders placed with it keep the copy they were placed with. */
  updateAddress: AddressPayload;
};


export type MutationAddAddressArgs = {
  input: AddressInput;
};


export type MutationAddFavoriteArgs = {
  productId: Scalars['ID']['input'];
};


export type MutationLoginArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


export type MutationRegisterArgs = {
  input: RegisterInput;
};


export type MutationRemoveAddressArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveFavoriteArgs = {
  productId: Scalars['ID']['input'];
};


export type MutationUpdateAddressArgs = {
  id: Scalars['ID']['input'];
  input: AddressInput;
};

/** Where a page of a connection ends, and whether another follows. */
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
};

export type Query = {
  __typename?: 'Query';
  /** The signed-in user, or null. */
  me?: Maybe<User>;
  /** Every account, newest first (ties by id), in cursor pages; totalCount counts every account the search and role admit. */
  users: UserConnection;
};


export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  role?: InputMaybe<Role>;
  search?: InputMaybe<Scalars['String']['input']>;
};

/** A new account: its sign-in and who it is. */
export type RegisterInput = {
  /** A valid address, at most 254 characters, not yet registered (EMAIL_TAKEN otherwise); stored in lower case. */
  email: Scalars['String']['input'];
  /** Display name, 1 to 100 characters. */
  name: Scalars['String']['input'];
  /** 8 to 128 characters. */
  password: Scalars['String']['input'];
  /** CUSTOMER by default; SELLER opens a shop. ADMIN cannot be self-assigned. */
  roles?: InputMaybe<Array<Role>>;
};

/** What a user may do: shop, sell, administer. */
export type Role =
  /** Runs the shop: sees and manages every user, product, order, payment and warehouse. */
  | 'ADMIN'
  /** Shops: a cart, orders and payments of their own. Every new account has it. */
  | 'CUSTOMER'
  /** Sells: creates and updates their own products and adjusts their stock. */
  | 'SELLER';

/** Someone with an account: a shopper, a seller, an admin, or several of these. */
export type User = {
  __typename?: 'User';
  /** users subgraph: the user's saved delivery addresses, oldest first. The user themself and admins only. */
  addresses: Array<Address>;
  /** When the account was registered. */
  createdAt: Scalars['DateTime']['output'];
  /** Visible to the user themself and to admins only; null for anyone else. */
  email?: Maybe<Scalars['String']['output']>;
  /** users subgraph: products the user marked as favourites, most recently added first (one archived since stays, with its status). When a favourite that was sold out is restocked the user is told (BACK_IN_STOCK). The user themself and admins only. */
  favorites: Array<Product>;
  /** The user's id (a UUID). */
  id: Scalars['ID']['output'];
  /** Display name, 1 to 100 characters; a seller's is their shop's name. */
  name: Scalars['String']['output'];
  /** The user themself and admins only. */
  roles: Array<Role>;
};

/** A page of accounts (Relay connection) and how many accounts match in all. */
export type UserConnection = {
  __typename?: 'UserConnection';
  /** The accounts of this page, newest first. */
  edges: Array<UserEdge>;
  /** Where this page ends and whether another follows. */
  pageInfo: PageInfo;
  /** How many accounts the search and role admit, over every page. */
  totalCount: Scalars['Int']['output'];
};

/** One account in a page of accounts, with the cursor to continue after it. */
export type UserEdge = {
  __typename?: 'UserEdge';
  /** Pass as after to get the accounts that follow this one. */
  cursor: Scalars['String']['output'];
  /** The account. */
  node: User;
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
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Address: ResolverTypeWrapper<Address>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AddressInput: AddressInput;
  AddressPayload: ResolverTypeWrapper<AddressPayload>;
  AuthPayload: ResolverTypeWrapper<Omit<AuthPayload, 'user'> & { user?: Maybe<ResolversTypes['User']> }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Product: ResolverTypeWrapper<Product>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  RegisterInput: RegisterInput;
  Role: Role;
  User: ResolverTypeWrapper<UserRow>;
  UserConnection: ResolverTypeWrapper<Omit<UserConnection, 'edges'> & { edges: Array<ResolversTypes['UserEdge']> }>;
  UserEdge: ResolverTypeWrapper<Omit<UserEdge, 'node'> & { node: ResolversTypes['User'] }>;
  UserError: ResolverTypeWrapper<UserError>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Address: Address;
  ID: Scalars['ID']['output'];
  AddressInput: AddressInput;
  AddressPayload: AddressPayload;
  AuthPayload: Omit<AuthPayload, 'user'> & { user?: Maybe<ResolversParentTypes['User']> };
  DateTime: Scalars['DateTime']['output'];
  Mutation: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
  PageInfo: PageInfo;
  Product: Product;
  Query: Record<PropertyKey, never>;
  Int: Scalars['Int']['output'];
  RegisterInput: RegisterInput;
  User: UserRow;
  UserConnection: Omit<UserConnection, 'edges'> & { edges: Array<ResolversParentTypes['UserEdge']> };
  UserEdge: Omit<UserEdge, 'node'> & { node: ResolversParentTypes['User'] };
  UserError: UserError;
  String: Scalars['String']['output'];
}>;

export type AuthenticatedDirectiveArgs = { };

export type AuthenticatedDirectiveResolver<Result, Parent, ContextType = UsersContext, Args = AuthenticatedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type OwnerOrAdminDirectiveArgs = {
  publicWhen?: Maybe<Scalars['String']['input']>;
};

export type OwnerOrAdminDirectiveResolver<Result, Parent, ContextType = UsersContext, Args = OwnerOrAdminDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresRoleDirectiveArgs = {
  roles: Array<Role>;
};

export type RequiresRoleDirectiveResolver<Result, Parent, ContextType = UsersContext, Args = RequiresRoleDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AddressResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = ResolversObject<{
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

export type AddressPayloadResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['AddressPayload'] = ResolversParentTypes['AddressPayload']> = ResolversObject<{
  address?: Resolver<Maybe<ResolversTypes['Address']>, ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type AuthPayloadResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['AuthPayload'] = ResolversParentTypes['AuthPayload']> = ResolversObject<{
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  token?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MutationResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addAddress?: Resolver<ResolversTypes['AddressPayload'], ParentType, ContextType, RequireFields<MutationAddAddressArgs, 'input'>>;
  addFavorite?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationAddFavoriteArgs, 'productId'>>;
  login?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationLoginArgs, 'email' | 'password'>>;
  register?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationRegisterArgs, 'input'>>;
  removeAddress?: Resolver<ResolversTypes['AddressPayload'], ParentType, ContextType, RequireFields<MutationRemoveAddressArgs, 'id'>>;
  removeFavorite?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRemoveFavoriteArgs, 'productId'>>;
  updateAddress?: Resolver<ResolversTypes['AddressPayload'], ParentType, ContextType, RequireFields<MutationUpdateAddressArgs, 'id' | 'input'>>;
}>;

export type PageInfoResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type ProductResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  me?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  users?: Resolver<ResolversTypes['UserConnection'], ParentType, ContextType, RequireFields<QueryUsersArgs, 'first'>>;
}>;

export type UserResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  addresses?: Resolver<Array<ResolversTypes['Address']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  favorites?: Resolver<Array<ResolversTypes['Product']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['Role']>, ParentType, ContextType>;
}>;

export type UserConnectionResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['UserConnection'] = ResolversParentTypes['UserConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['UserEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type UserEdgeResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['UserEdge'] = ResolversParentTypes['UserEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = UsersContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = UsersContext> = ResolversObject<{
  Address?: AddressResolvers<ContextType>;
  AddressPayload?: AddressPayloadResolvers<ContextType>;
  AuthPayload?: AuthPayloadResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserConnection?: UserConnectionResolvers<ContextType>;
  UserEdge?: UserEdgeResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = UsersContext> = ResolversObject<{
  authenticated?: AuthenticatedDirectiveResolver<any, any, ContextType>;
  ownerOrAdmin?: OwnerOrAdminDirectiveResolver<any, any, ContextType>;
  requiresRole?: RequiresRoleDirectiveResolver<any, any, ContextType>;
}>;

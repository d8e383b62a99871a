import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { ProductRow, CategoryRow } from '../../db/schema.js';
import { UserReference, ProductsContext } from '../context.js';
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

/** A group of products in the catalog, e.g. Mochilas or Cerámica. */
export type Category = {
  __typename?: 'Category';
  /** The category's id (a UUID). */
  id: Scalars['ID']['output'];
  /** Display name, e.g. Mochilas. */
  name: Scalars['String']['output'];
  /** Unique, URL-friendly name, e.g. "mochilas". */
  slug: Scalars['String']['output'];
};

/** A new product; its seller is the signed-in user. */
export type CreateProductInput = {
  /** An existing category's id; none by default. */
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  /** What one unit costs the seller, in major units of the same currency (e.g. "120000.00"): 0 or more and below 1000000000000, at most 2 fraction digits; none by default. Only the seller and admins see it (Product.costPrice). */
  costPrice?: InputMaybe<Scalars['Decimal']['input']>;
  /** ISO 4217 code; COP by default. */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** At most 5000 characters. */
  description: Scalars['String']['input'];
  /** 1 to 200 characters. */
  name: Scalars['String']['input'];
  /** Price of one unit in major units of the currency (e.g. "249900.00" pesos): above 0 and below 1000000000000, at most 2 fraction digits. */
  price: Scalars['Decimal']['input'];
  /** 1 to 64 characters: letters, digits, - and _. Unique. */
  sku: Scalars['String']['input'];
  /** ACTIVE by default. */
  status?: InputMaybe<ProductStatus>;
  /** One packed unit's weight in grams, 1 to 1000000; none by default (shipping counts 1000 g). */
  weightGrams?: InputMaybe<Scalars['Int']['input']>;
};

/** One size of a product image. */
export type ImageRendition = {
  __typename?: 'ImageRendition';
  /** Height in pixels. */
  height: Scalars['Int']['output'];
  /** Absolute URL of this size. */
  url: Scalars['String']['output'];
  /** Width in pixels. */
  width: Scalars['Int']['output'];
};

/** An amount of money in one currency. */
export type Money = {
  __typename?: 'Money';
  /** In major units of the currency, e.g. "249900.00" pesos. Stored as exact integers of the minor unit. */
  amount: Scalars['Decimal']['output'];
  /** ISO 4217 code, e.g. COP or USD. */
  currency: Scalars['String']['output'];
};

/** What can be changed: accounts, products, carts, orders, payments and stock. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Sellers (for themselves) and admins. */
  createProduct: ProductPayload;
  /** The product's seller, or an admin: deletes one of its images (every rendition). Images are added by uploading the file: POST /media/products/{productId}/images through the gateway (docs/api.md). */
  removeProductImage: ProductPayload;
  /** The product's seller, or an admin. */
  updateProduct: ProductPayload;
};


/** What can be changed: accounts, products, carts, orders, payments and stock. */
export type MutationCreateProductArgs = {
  input: CreateProductInput;
};


/** What can be changed: accounts, products, carts, orders, payments and stock. */
export type MutationRemoveProductImageArgs = {
  imageId: Scalars['ID']['input'];
  productId: Scalars['ID']['input'];
};


/** What can be changed: accounts, products, carts, orders, payments and stock. */
export type MutationUpdateProductArgs = {
  id: Scalars['ID']['input'];
  input: UpdateProductInput;
};

/** Where a page of a connection ends, and whether another follows. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the page's last item; null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page: pass endCursor as after to get them. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** Something a seller offers in the catalog. */
export type Product = {
  __typename?: 'Product';
  /** Where the catalog files it; null when it has none. */
  category?: Maybe<Category>;
  /** What one unit costs its seller, in the price's currency, for margins: seen only by the product's seller and admins; null for anyone else, and when the seller has not set it. */
  costPrice?: Maybe<Money>;
  /** When the seller created it. */
  createdAt: Scalars['DateTime']['output'];
  /** Plain text, up to 5000 characters; may be empty. */
  description: Scalars['String']['output'];
  /** The product's id (a UUID). */
  id: Scalars['ID']['output'];
  /** Photographs, in the seller's order (the first is the cover); empty when it has none. */
  images: Array<ProductImage>;
  /** Display name, 1 to 200 characters. */
  name: Scalars['String']['output'];
  /** Price of one unit, in the product's currency (COP for the demo store). */
  price: Money;
  /** The user who sells this product. */
  seller: User;
  /** The seller's stock-keeping unit: unique, 1 to 64 characters of letters, digits, - and _. */
  sku: Scalars['String']['output'];
  /** Whether it is listed and can be ordered; see ProductStatus. */
  status: ProductStatus;
  /** One packed unit's weight in grams, for shipping quotes; null when the seller has not set it (shipping then counts 1000 g). */
  weightGrams?: Maybe<Scalars['Int']['output']>;
};

/** A page of products (Relay connection) and the size of the whole filtered list. */
export type ProductConnection = {
  __typename?: 'ProductConnection';
  /** This page's products, in the list's order. */
  edges: Array<ProductEdge>;
  /** Whether another page follows, and the cursor to ask for it. */
  pageInfo: PageInfo;
  /** How many products match the filter in all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One product in a page of products, with the cursor to continue after it. */
export type ProductEdge = {
  __typename?: 'ProductEdge';
  /** Opaque; pass it as after to continue after this product. */
  cursor: Scalars['String']['output'];
  /** The product. */
  node: Product;
};

/** Conditions a listed product must all meet. */
export type ProductFilter = {
  /** Only products in this category. */
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  /** Highest price, inclusive, in major units of the currency like Money.amount (e.g. "250000" is 250 000 pesos); at most 2 decimals. Compared with each product's price in its own currency, without conversion. */
  maxPrice?: InputMaybe<Scalars['Decimal']['input']>;
  /** Lowest price, inclusive, in major units of the currency like Money.amount (e.g. "100000.00" is 100 000 pesos, not centavos); at most 2 decimals. Compared with each product's price in its own currency, without conversion. */
  minPrice?: InputMaybe<Scalars['Decimal']['input']>;
  /** Full-text search over name and description. */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Only this seller's products; a seller filtering by their own id (or an admin) also gets DRAFT and ARCHIVED ones. */
  sellerId?: InputMaybe<Scalars['ID']['input']>;
};

/** A product photograph: its largest rendition, and every rendition for a responsive srcset. */
export type ProductImage = {
  __typename?: 'ProductImage';
  /** Text for screen readers and when the image cannot load; the product's name unless the seller gave one. */
  alt: Scalars['String']['output'];
  /** The largest rendition's height in pixels. */
  height: Scalars['Int']['output'];
  /** The image's id (a UUID). */
  id: Scalars['ID']['output'];
  /** Every rendition, narrowest first (e.g. 320, 640 and 1280 pixels wide, never wider than the upload). */
  renditions: Array<ImageRendition>;
  /** The renditions as an HTML srcset value, e.g. "https://…/320.webp 320w, https://…/640.webp 640w". */
  srcSet: Scalars['String']['output'];
  /** The largest rendition's absolute URL. */
  url: Scalars['String']['output'];
  /** The largest rendition's width in pixels. */
  width: Scalars['Int']['output'];
};

/** The product createProduct or updateProduct wrote, or the errors that prevented it. */
export type ProductPayload = {
  __typename?: 'ProductPayload';
  /** Why nothing was saved (INVALID_INPUT, NOT_FOUND, FORBIDDEN, SKU_TAKEN…); empty on success. */
  errors: Array<UserError>;
  /** The product as saved; null when errors is not empty. */
  product?: Maybe<Product>;
};

/** Order of a product list; every order breaks ties by id. */
export type ProductSort =
  /** By name, A to Z. */
  | 'NAME'
  /** Most recently created first. */
  | 'NEWEST'
  /** Cheapest first (by amount, whatever the currency). */
  | 'PRICE_ASC'
  /** Most expensive first (by amount, whatever the currency). */
  | 'PRICE_DESC'
  /** Best full-text match first; without a search string, the same as NEWEST. */
  | 'RELEVANCE';

/** Whether a product can be seen and bought: only ACTIVE products are listed for shoppers. */
export type ProductStatus =
  /** In the catalog: anyone can see it and order it. */
  | 'ACTIVE'
  /** Withdrawn: out of the catalog and cannot be ordered; past orders and carts still show it. */
  | 'ARCHIVED'
  /** Being prepared: seen only by its seller and admins, not in the catalog, cannot be ordered. */
  | 'DRAFT';

/** What can be read: the catalog, carts, orders, users and stock. */
export type Query = {
  __typename?: 'Query';
  /** Every category, by name. */
  categories: Array<Category>;
  /** A product by id: ACTIVE products for anyone, others only for their seller and admins. */
  product?: Maybe<Product>;
  /** The catalog: ACTIVE products, plus a seller's own drafts and archived ones when they filter by their own sellerId; admins see all. first is 0 to 100. */
  products: ProductConnection;
};


/** What can be read: the catalog, carts, orders, users and stock. */
export type QueryProductArgs = {
  id: Scalars['ID']['input'];
};


/** What can be read: the catalog, carts, orders, users and stock. */
export type QueryProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProductFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sort?: InputMaybe<ProductSort>;
};

/** What a user may do: shop, sell, administer. */
export type Role =
  /** Runs the shop: sees and manages every user, product, order, payment and warehouse. */
  | 'ADMIN'
  /** Shops: a cart, orders and payments of their own. Every new account has it. */
  | 'CUSTOMER'
  /** Sells: creates and updates their own products and adjusts their stock. */
  | 'SELLER';

/** Omitted fields stay as they are; a null categoryId removes the category, a null costPrice removes the cost price. */
export type UpdateProductInput = {
  /** An existing category's id; null removes the category. */
  categoryId?: InputMaybe<Scalars['ID']['input']>;
  /** What one unit costs the seller, in major units of the product's currency: 0 or more and below 1000000000000, at most 2 fraction digits; null removes it. */
  costPrice?: InputMaybe<Scalars['Decimal']['input']>;
  /** At most 5000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 200 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Price of one unit in major units of the product's currency (e.g. "249900.00" pesos): above 0 and below 1000000000000, at most 2 fraction digits. The currency does not change. */
  price?: InputMaybe<Scalars['Decimal']['input']>;
  /** DRAFT, ACTIVE or ARCHIVED. */
  status?: InputMaybe<ProductStatus>;
  /** One packed unit's weight in grams, 1 to 1000000; null removes it. */
  weightGrams?: InputMaybe<Scalars['Int']['input']>;
};

/** Someone with an account: a shopper, a seller, an admin, or several of these. */
export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
  /** products subgraph: products this user sells, newest first (their drafts and archived ones too when the viewer is this seller or an admin). */
  products: ProductConnection;
};


/** Someone with an account: a shopper, a seller, an admin, or several of these. */
export type UserProductsArgs = {
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
  Category: Category;
  Product: Product;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Category:
    ( { __typename: 'Category' }
    & GraphQLRecursivePick<FederationTypes['Category'], {"id":true}> );
  Product:
    ( { __typename: 'Product' }
    & GraphQLRecursivePick<FederationTypes['Product'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Category: ResolverTypeWrapper<CategoryRow>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CreateProductInput: CreateProductInput;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  ImageRendition: ResolverTypeWrapper<ImageRendition>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Product: ResolverTypeWrapper<ProductRow>;
  ProductConnection: ResolverTypeWrapper<Omit<ProductConnection, 'edges'> & { edges: Array<ResolversTypes['ProductEdge']> }>;
  ProductEdge: ResolverTypeWrapper<Omit<ProductEdge, 'node'> & { node: ResolversTypes['Product'] }>;
  ProductFilter: ProductFilter;
  ProductImage: ResolverTypeWrapper<ProductImage>;
  ProductPayload: ResolverTypeWrapper<Omit<ProductPayload, 'product'> & { product?: Maybe<ResolversTypes['Product']> }>;
  ProductSort: ProductSort;
  ProductStatus: ProductStatus;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Role: Role;
  UpdateProductInput: UpdateProductInput;
  User: ResolverTypeWrapper<UserReference>;
  UserError: ResolverTypeWrapper<UserError>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Category: CategoryRow;
  ID: Scalars['ID']['output'];
  CreateProductInput: CreateProductInput;
  Int: Scalars['Int']['output'];
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  ImageRendition: ImageRendition;
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Product: ProductRow;
  ProductConnection: Omit<ProductConnection, 'edges'> & { edges: Array<ResolversParentTypes['ProductEdge']> };
  ProductEdge: Omit<ProductEdge, 'node'> & { node: ResolversParentTypes['Product'] };
  ProductFilter: ProductFilter;
  ProductImage: ProductImage;
  ProductPayload: Omit<ProductPayload, 'product'> & { product?: Maybe<ResolversParentTypes['Product']> };
  Query: Record<PropertyKey, never>;
  UpdateProductInput: UpdateProductInput;
  User: UserReference;
  UserError: UserError;
  String: Scalars['String']['output'];
}>;

export type AuthenticatedDirectiveArgs = { };

export type AuthenticatedDirectiveResolver<Result, Parent, ContextType = ProductsContext, Args = AuthenticatedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type OwnerOrAdminDirectiveArgs = {
  publicWhen?: Maybe<Scalars['String']['input']>;
};

export type OwnerOrAdminDirectiveResolver<Result, Parent, ContextType = ProductsContext, Args = OwnerOrAdminDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresRoleDirectiveArgs = {
  roles: Array<Role>;
};

export type RequiresRoleDirectiveResolver<Result, Parent, ContextType = ProductsContext, Args = RequiresRoleDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CategoryResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['Category'] = ResolversParentTypes['Category'], FederationReferenceType extends FederationReferenceTypes['Category'] = FederationReferenceTypes['Category']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Category']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type ImageRenditionResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['ImageRendition'] = ResolversParentTypes['ImageRendition']> = ResolversObject<{
  height?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  width?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  createProduct?: Resolver<ResolversTypes['ProductPayload'], ParentType, ContextType, RequireFields<MutationCreateProductArgs, 'input'>>;
  removeProductImage?: Resolver<ResolversTypes['ProductPayload'], ParentType, ContextType, RequireFields<MutationRemoveProductImageArgs, 'imageId' | 'productId'>>;
  updateProduct?: Resolver<ResolversTypes['ProductPayload'], ParentType, ContextType, RequireFields<MutationUpdateProductArgs, 'id' | 'input'>>;
}>;

export type PageInfoResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type ProductResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product'], FederationReferenceType extends FederationReferenceTypes['Product'] = FederationReferenceTypes['Product']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Product']> | FederationReferenceType, FederationReferenceType, ContextType>;
  category?: Resolver<Maybe<ResolversTypes['Category']>, ParentType, ContextType>;
  costPrice?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  images?: Resolver<Array<ResolversTypes['ProductImage']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  seller?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ProductStatus'], ParentType, ContextType>;
  weightGrams?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type ProductConnectionResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['ProductConnection'] = ResolversParentTypes['ProductConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ProductEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ProductEdgeResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['ProductEdge'] = ResolversParentTypes['ProductEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
}>;

export type ProductImageResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['ProductImage'] = ResolversParentTypes['ProductImage']> = ResolversObject<{
  alt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  height?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  renditions?: Resolver<Array<ResolversTypes['ImageRendition']>, ParentType, ContextType>;
  srcSet?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  width?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ProductPayloadResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['ProductPayload'] = ResolversParentTypes['ProductPayload']> = ResolversObject<{
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  categories?: Resolver<Array<ResolversTypes['Category']>, ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType, RequireFields<QueryProductArgs, 'id'>>;
  products?: Resolver<ResolversTypes['ProductConnection'], ParentType, ContextType, RequireFields<QueryProductsArgs, 'first' | 'sort'>>;
}>;

export type UserResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  products?: Resolver<ResolversTypes['ProductConnection'], ParentType, ContextType, RequireFields<UserProductsArgs, 'first'>>;
}>;

export type UserErrorResolvers<ContextType = ProductsContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = ProductsContext> = ResolversObject<{
  Category?: CategoryResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  ImageRendition?: ImageRenditionResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  ProductConnection?: ProductConnectionResolvers<ContextType>;
  ProductEdge?: ProductEdgeResolvers<ContextType>;
  ProductImage?: ProductImageResolvers<ContextType>;
  ProductPayload?: ProductPayloadResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = ProductsContext> = ResolversObject<{
  authenticated?: AuthenticatedDirectiveResolver<any, any, ContextType>;
  ownerOrAdmin?: OwnerOrAdminDirectiveResolver<any, any, ContextType>;
  requiresRole?: RequiresRoleDirectiveResolver<any, any, ContextType>;
}>;

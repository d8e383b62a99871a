import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { NotificationRow } from '../../db/schema.js';
import { NotificationPreferenceView } from '../../domain/preferences.js';
import { UserParent } from '../parents.js';
import { NotificationsContext } from '../context.js';
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
  /** ids omitted: all of the viewer's notifications */
  markNotificationsRead: NotificationsPayload;
  /** Turns e-mail for one kind of the viewer's notifications on or off. */
  setNotificationPreference: NotificationPreferencesPayload;
};


export type MutationMarkNotificationsReadArgs = {
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
};


export type MutationSetNotificationPreferenceArgs = {
  email: Scalars['Boolean']['input'];
  kind: NotificationKind;
};

/** One entry of a user's notification feed. */
export type Notification = {
  __typename?: 'Notification';
  /** A sentence or two with the details, in Spanish for the shopper; amounts as the storefront writes them, e.g. "$ 249.900". */
  body: Scalars['String']['output'];
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The notification's id (a UUID). */
  id: Scalars['ID']['output'];
  /** What it is about. */
  kind: NotificationKind;
  /** storefront path, e.g. /orders/123 */
  link?: Maybe<Scalars['String']['output']>;
  /** Whether the user has marked it read (markNotificationsRead). */
  read: Scalars['Boolean']['output'];
  /** One line, in Spanish for the shopper, e.g. "Tu pedido ORD-000012 fue enviado". */
  title: Scalars['String']['output'];
};

/** A page of the viewer's notifications, newest first, and how many there are in all. */
export type NotificationConnection = {
  __typename?: 'NotificationConnection';
  /** The notifications of this page, newest first. */
  edges: Array<NotificationEdge>;
  /** Where this page ends and whether another follows. */
  pageInfo: PageInfo;
  /** How many notifications the list holds over every page (only unread ones with unreadOnly). */
  totalCount: Scalars['Int']['output'];
};

/** One notification in a page of the feed, with the cursor to continue after it. */
export type NotificationEdge = {
  __typename?: 'NotificationEdge';
  /** Pass as after to get the notifications that follow this one. */
  cursor: Scalars['String']['output'];
  /** The notification. */
  node: Notification;
};

/** What a notification is about; each kind goes to its own recipients (see the values). */
export type NotificationKind =
  /** To each user who has the product among their favourites: it was sold out and has units again. */
  | 'BACK_IN_STOCK'
  /** To the product's seller: its available units fell to or below its low-stock threshold. */
  | 'LOW_STOCK'
  /** To the customer: the order was cancelled (by them, an admin, or because payment never came). */
  | 'ORDER_CANCELLED'
  /** To the customer: the order was delivered. */
  | 'ORDER_DELIVERED'
  /** To the customer: the order's payment was captured. */
  | 'ORDER_PAID'
  /** To the customer: their order was placed and waits for payment. */
  | 'ORDER_PLACED'
  /** To the customer: the order is on its way. */
  | 'ORDER_SHIPPED'
  /** To the customer: a payment for their order failed. */
  | 'PAYMENT_FAILED'
  /** To the product's seller: its stock ran low and a DRAFT reorder request was written for its supplier (purchasing). */
  | 'REORDER_SUGGESTED'
  /** To the product's seller: no units are left to sell. */
  | 'SOLD_OUT'
  /** To the customer and every admin: a support ticket was opened. */
  | 'TICKET_OPENED'
  /** To the customer and every admin, except the reply's author: a ticket got a reply. */
  | 'TICKET_REPLIED'
  /** To the customer and every admin, except whoever changed it: a ticket's status changed. */
  | 'TICKET_STATUS_CHANGED';

/** Whether one kind of notification is also sent by e-mail. The in-app feed always gets every kind. */
export type NotificationPreference = {
  __typename?: 'NotificationPreference';
  /** True: each notification of this kind is also e-mailed. Unless changed: on for every kind but LOW_STOCK. */
  email: Scalars['Boolean']['output'];
  /** The kind this preference is for. */
  kind: NotificationKind;
};

/** The viewer's e-mail preferences after a change, or why nothing changed. */
export type NotificationPreferencesPayload = {
  __typename?: 'NotificationPreferencesPayload';
  /** Why nothing changed; empty on success. */
  errors: Array<UserError>;
  /** Every kind with its setting, after the change. */
  preferences: Array<NotificationPreference>;
};

/** The viewer's unread count after marking, or why nothing was marked. */
export type NotificationsPayload = {
  __typename?: 'NotificationsPayload';
  /** Why nothing changed (INVALID_INPUT); empty on success. */
  errors: Array<UserError>;
  /** How many of the viewer's notifications are still unread. */
  unreadNotificationCount: Scalars['Int']['output'];
};

/** Where a page of a connection ends, and whether another follows. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the page's last item; null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page: pass endCursor as after to get them. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** What a user may do: shop, sell, administer. */
export type Role =
  /** Runs the shop: sees and manages every user, product, order, payment and warehouse. */
  | 'ADMIN'
  /** Shops: a cart, orders and payments of their own. Every new account has it. */
  | 'CUSTOMER'
  /** Sells: creates and updates their own products and adjusts their stock. */
  | 'SELLER';

/** Live updates over graphql-ws at the same /graphql URL (token in connection_init). */
export type Subscription = {
  __typename?: 'Subscription';
  /** the viewer's own, nobody else's */
  notificationAdded: Notification;
};

/** Someone with an account: a shopper, a seller, an admin, or several of these. */
export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
  /** notifications subgraph: for every kind, whether it is also e-mailed. The user themself only. */
  notificationPreferences: Array<NotificationPreference>;
  /** notifications subgraph: the user's own feed, newest first. Only the user themself may read it (admins included: the feed is personal); anyone else gets FORBIDDEN. */
  notifications: NotificationConnection;
  /** notifications subgraph: how many of the user's notifications are unread. The user themself only. */
  unreadNotificationCount: Scalars['Int']['output'];
};


/** Someone with an account: a shopper, a seller, an admin, or several of these. */
export type UserNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
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
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Notification: ResolverTypeWrapper<NotificationRow>;
  NotificationConnection: ResolverTypeWrapper<Omit<NotificationConnection, 'edges'> & { edges: Array<ResolversTypes['NotificationEdge']> }>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  NotificationEdge: ResolverTypeWrapper<Omit<NotificationEdge, 'node'> & { node: ResolversTypes['Notification'] }>;
  NotificationKind: NotificationKind;
  NotificationPreference: ResolverTypeWrapper<NotificationPreferenceView>;
  NotificationPreferencesPayload: ResolverTypeWrapper<Omit<NotificationPreferencesPayload, 'preferences'> & { preferences: Array<ResolversTypes['NotificationPreference']> }>;
  NotificationsPayload: ResolverTypeWrapper<NotificationsPayload>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Role: Role;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  User: ResolverTypeWrapper<UserParent>;
  UserError: ResolverTypeWrapper<UserError>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  DateTime: Scalars['DateTime']['output'];
  Mutation: Record<PropertyKey, never>;
  ID: Scalars['ID']['output'];
  Boolean: Scalars['Boolean']['output'];
  Notification: NotificationRow;
  NotificationConnection: Omit<NotificationConnection, 'edges'> & { edges: Array<ResolversParentTypes['NotificationEdge']> };
  Int: Scalars['Int']['output'];
  NotificationEdge: Omit<NotificationEdge, 'node'> & { node: ResolversParentTypes['Notification'] };
  NotificationPreference: NotificationPreferenceView;
  NotificationPreferencesPayload: Omit<NotificationPreferencesPayload, 'preferences'> & { preferences: Array<ResolversParentTypes['NotificationPreference']> };
  NotificationsPayload: NotificationsPayload;
  PageInfo: PageInfo;
  Subscription: Record<PropertyKey, never>;
  User: UserParent;
  UserError: UserError;
  String: Scalars['String']['output'];
}>;

export type AuthenticatedDirectiveArgs = { };

export type AuthenticatedDirectiveResolver<Result, Parent, ContextType = NotificationsContext, Args = AuthenticatedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type OwnerOrAdminDirectiveArgs = {
  publicWhen?: Maybe<Scalars['String']['input']>;
};

export type OwnerOrAdminDirectiveResolver<Result, Parent, ContextType = NotificationsContext, Args = OwnerOrAdminDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresRoleDirectiveArgs = {
  roles: Array<Role>;
};

export type RequiresRoleDirectiveResolver<Result, Parent, ContextType = NotificationsContext, Args = RequiresRoleDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MutationResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  markNotificationsRead?: Resolver<ResolversTypes['NotificationsPayload'], ParentType, ContextType, Partial<MutationMarkNotificationsReadArgs>>;
  setNotificationPreference?: Resolver<ResolversTypes['NotificationPreferencesPayload'], ParentType, ContextType, RequireFields<MutationSetNotificationPreferenceArgs, 'email' | 'kind'>>;
}>;

export type NotificationResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['Notification'] = ResolversParentTypes['Notification']> = ResolversObject<{
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['NotificationKind'], ParentType, ContextType>;
  link?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  read?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type NotificationConnectionResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['NotificationConnection'] = ResolversParentTypes['NotificationConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['NotificationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type NotificationEdgeResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['NotificationEdge'] = ResolversParentTypes['NotificationEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Notification'], ParentType, ContextType>;
}>;

export type NotificationPreferenceResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['NotificationPreference'] = ResolversParentTypes['NotificationPreference']> = ResolversObject<{
  email?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['NotificationKind'], ParentType, ContextType>;
}>;

export type NotificationPreferencesPayloadResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['NotificationPreferencesPayload'] = ResolversParentTypes['NotificationPreferencesPayload']> = ResolversObject<{
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  preferences?: Resolver<Array<ResolversTypes['NotificationPreference']>, ParentType, ContextType>;
}>;

export type NotificationsPayloadResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['NotificationsPayload'] = ResolversParentTypes['NotificationsPayload']> = ResolversObject<{
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  unreadNotificationCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  notificationAdded?: SubscriptionResolver<ResolversTypes['Notification'], "notificationAdded", ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  notificationPreferences?: Resolver<Array<ResolversTypes['NotificationPreference']>, ParentType, ContextType>;
  notifications?: Resolver<ResolversTypes['NotificationConnection'], ParentType, ContextType, RequireFields<UserNotificationsArgs, 'first' | 'unreadOnly'>>;
  unreadNotificationCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = NotificationsContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = NotificationsContext> = ResolversObject<{
  DateTime?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Notification?: NotificationResolvers<ContextType>;
  NotificationConnection?: NotificationConnectionResolvers<ContextType>;
  NotificationEdge?: NotificationEdgeResolvers<ContextType>;
  NotificationPreference?: NotificationPreferenceResolvers<ContextType>;
  NotificationPreferencesPayload?: NotificationPreferencesPayloadResolvers<ContextType>;
  NotificationsPayload?: NotificationsPayloadResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = NotificationsContext> = ResolversObject<{
  authenticated?: AuthenticatedDirectiveResolver<any, any, ContextType>;
  ownerOrAdmin?: OwnerOrAdminDirectiveResolver<any, any, ContextType>;
  requiresRole?: RequiresRoleDirectiveResolver<any, any, ContextType>;
}>;

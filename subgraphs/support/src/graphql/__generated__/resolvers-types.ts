import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { TicketRow, TicketMessageRow, TicketStatusHistoryRow } from '../../db/schema.js';
import { OrderParent, UserParent } from '../parents.js';
import { SupportContext } from '../context.js';
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
  /** Opens a ticket about one of the viewer's own orders with its first message (NOT_FOUND for an order that is not theirs or does not exist; TOO_MANY_OPEN_TICKETS when the customer has 20 tickets not yet CLOSED). */
  openTicket: TicketPayload;
  /** Adds a message to a ticket, by its customer or an admin (TICKET_CLOSED once it is CLOSED). An admin's reply on an OPEN ticket moves it to IN_PROGRESS; the customer's reply on a RESOLVED ticket reopens it (OPEN). */
  replyToTicket: TicketPayload;
  /** admins; and the customer may close their own */
  setTicketStatus: TicketPayload;
};


export type MutationOpenTicketArgs = {
  input: OpenTicketInput;
};


export type MutationReplyToTicketArgs = {
  message: Scalars['String']['input'];
  ticketId: Scalars['ID']['input'];
};


export type MutationSetTicketStatusArgs = {
  status: TicketStatus;
  ticketId: Scalars['ID']['input'];
};

/** What openTicket needs: the order it is about and what the customer has to say. */
export type OpenTicketInput = {
  /** The first message, 1 to 5000 characters (trimmed). */
  message: Scalars['String']['input'];
  /** One of the viewer's own orders (NOT_FOUND for any other id). */
  orderId: Scalars['ID']['input'];
  /** A short summary, 3 to 120 characters (trimmed). */
  subject: Scalars['String']['input'];
};

/** A customer's order. */
export type Order = {
  __typename?: 'Order';
  id: Scalars['ID']['output'];
  /** support subgraph: the support tickets opened about this order, oldest first; the order's customer and admins see them, anyone else an empty list. */
  tickets: Array<Ticket>;
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

/** Where a page of a connection ends, and whether another follows. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the page's last item; null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page: pass endCursor as after to get them. */
  hasNextPage: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** admins: the queue, highest priority and oldest first. Priority order: URGENT, HIGH, then untriaged tickets (no priority yet: they rank with HIGH so a lagging assignment worker never buries a new ticket, nor lets it jump an URGENT one), NORMAL, LOW; within one rank the oldest first, ties by id. */
  supportQueue: TicketConnection;
  /** A ticket, for its customer or an admin; null for anyone else and for an id no ticket has. */
  ticket?: Maybe<Ticket>;
};


export type QuerySupportQueueArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<TicketStatus>;
};


export type QueryTicketArgs = {
  id: Scalars['ID']['input'];
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
  /** support subgraph: the ticket each time a message is added, or its status or priority changes. Only its customer and admins may follow it (NOT_FOUND for anyone else, as for an id no ticket has). */
  ticketUpdated: Ticket;
};


/** Live updates over graphql-ws at the same /graphql URL (token in connection_init). */
export type SubscriptionTicketUpdatedArgs = {
  ticketId: Scalars['ID']['input'];
};

/** A customer's support request about one of their orders, with its message thread. Seen by its customer and admins only. */
export type Ticket = {
  __typename?: 'Ticket';
  /** When it was opened. */
  createdAt: Scalars['DateTime']['output'];
  /** Who opened it: the order's customer. */
  customer: User;
  /** Every status change, oldest first; empty while it is still in its first status (OPEN). */
  history: Array<TicketStatusChange>;
  /** The ticket's id (a UUID); people quote number instead. */
  id: Scalars['ID']['output'];
  /** Every message, oldest first: the first is the one it was opened with. */
  messages: Array<TicketMessage>;
  /** Human-friendly, unique, e.g. TKT-000001. */
  number: Scalars['String']['output'];
  /** The order it is about (one of the customer's own). */
  order: Order;
  /** The order's status as support last heard it (from the orders subgraph when the ticket was opened, then from its order.status_changed events). */
  orderStatus?: Maybe<OrderStatus>;
  /** null until the assignment worker has triaged it */
  priority?: Maybe<TicketPriority>;
  /** Admins: why the assignment worker chose the priority (its rules that fired, in English); null for anyone else and before triage. */
  priorityReasons?: Maybe<Array<Scalars['String']['output']>>;
  /** Where it is now. */
  status: TicketStatus;
  /** A short summary, 3 to 120 characters. */
  subject: Scalars['String']['output'];
  /** When its status, priority or thread last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of tickets (Relay connection) and the size of the whole list. */
export type TicketConnection = {
  __typename?: 'TicketConnection';
  /** This page's tickets, in the list's order. */
  edges: Array<TicketEdge>;
  /** Whether another page follows, and the cursor to ask for it. */
  pageInfo: PageInfo;
  /** How many tickets the list has in all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One ticket in a page of tickets, with the cursor to continue after it. */
export type TicketEdge = {
  __typename?: 'TicketEdge';
  /** Opaque; pass it as after to continue after this ticket. */
  cursor: Scalars['String']['output'];
  /** The ticket. */
  node: Ticket;
};

/** One message of a ticket's thread. */
export type TicketMessage = {
  __typename?: 'TicketMessage';
  /** Who wrote it: the ticket's customer or an admin. A customer may not see an admin's profile (the users subgraph shows admins to admins only), so a customer's client reads byStaff for staff messages rather than author's name. */
  author: User;
  /** The text, 1 to 5000 characters. */
  body: Scalars['String']['output'];
  /** True when staff (an admin) wrote it; storefronts show it as the shop's answer without resolving the author. */
  byStaff: Scalars['Boolean']['output'];
  /** When it was written. */
  createdAt: Scalars['DateTime']['output'];
  /** The message's id (a UUID). */
  id: Scalars['ID']['output'];
};

/** The ticket after a change, or why the change was refused (nothing changed then). */
export type TicketPayload = {
  __typename?: 'TicketPayload';
  /** Why nothing changed (INVALID_INPUT, NOT_FOUND, FORBIDDEN, INVALID_TRANSITION, TICKET_CLOSED, TOO_MANY_OPEN_TICKETS, SERVICE_UNAVAILABLE); empty on success. */
  errors: Array<UserError>;
  /** The ticket after the change; null when errors is not empty. */
  ticket?: Maybe<Ticket>;
};

/** How soon staff should handle a ticket, as the assignment worker's rules set it. */
export type TicketPriority =
  /** Soon: a high-value order, a failed payment, a missing delivery. */
  | 'HIGH'
  /** Can wait: e.g. a question about a delivered, low-value order. */
  | 'LOW'
  /** The usual. */
  | 'NORMAL'
  /** First: fraud, a double charge or words that say so. */
  | 'URGENT';

/** Where a support ticket is. The only moves: OPEN -> IN_PROGRESS, RESOLVED or CLOSED; IN_PROGRESS -> RESOLVED or CLOSED; RESOLVED -> OPEN (reopened, e.g. by the customer's reply) or CLOSED; CLOSED is final. */
export type TicketStatus =
  /** Done for good: no more replies or changes. The customer may close their own ticket at any time. */
  | 'CLOSED'
  /** Staff are working on it (an admin's first reply moves an OPEN ticket here). */
  | 'IN_PROGRESS'
  /** Waiting for staff: new, or reopened by the customer. */
  | 'OPEN'
  /** Staff consider it solved; a reply from the customer reopens it (OPEN). */
  | 'RESOLVED';

/** One change of a ticket's status: from what, to what, when and by whom. */
export type TicketStatusChange = {
  __typename?: 'TicketStatusChange';
  /** When the change was committed. */
  at: Scalars['DateTime']['output'];
  /** Who made the change (the customer or an admin); null when the system did. */
  by?: Maybe<User>;
  /** The status before the change. */
  from: TicketStatus;
  /** The status after the change. */
  to: TicketStatus;
};

/** Someone with an account: a shopper, a seller, an admin, or several of these. */
export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
  /** support subgraph: the user's own support tickets, newest first (self or admin only). */
  tickets: TicketConnection;
};


/** Someone with an account: a shopper, a seller, an admin, or several of these. */
export type UserTicketsArgs = {
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
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  OpenTicketInput: OpenTicketInput;
  Order: ResolverTypeWrapper<OrderParent>;
  OrderStatus: OrderStatus;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Role: Role;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Ticket: ResolverTypeWrapper<TicketRow>;
  TicketConnection: ResolverTypeWrapper<Omit<TicketConnection, 'edges'> & { edges: Array<ResolversTypes['TicketEdge']> }>;
  TicketEdge: ResolverTypeWrapper<Omit<TicketEdge, 'node'> & { node: ResolversTypes['Ticket'] }>;
  TicketMessage: ResolverTypeWrapper<TicketMessageRow>;
  TicketPayload: ResolverTypeWrapper<Omit<TicketPayload, 'ticket'> & { ticket?: Maybe<ResolversTypes['Ticket']> }>;
  TicketPriority: TicketPriority;
  TicketStatus: TicketStatus;
  TicketStatusChange: ResolverTypeWrapper<TicketStatusHistoryRow>;
  User: ResolverTypeWrapper<UserParent>;
  UserError: ResolverTypeWrapper<UserError>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  DateTime: Scalars['DateTime']['output'];
  Mutation: Record<PropertyKey, never>;
  ID: Scalars['ID']['output'];
  OpenTicketInput: OpenTicketInput;
  Order: OrderParent;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Query: Record<PropertyKey, never>;
  Int: Scalars['Int']['output'];
  Subscription: Record<PropertyKey, never>;
  Ticket: TicketRow;
  TicketConnection: Omit<TicketConnection, 'edges'> & { edges: Array<ResolversParentTypes['TicketEdge']> };
  TicketEdge: Omit<TicketEdge, 'node'> & { node: ResolversParentTypes['Ticket'] };
  TicketMessage: TicketMessageRow;
  TicketPayload: Omit<TicketPayload, 'ticket'> & { ticket?: Maybe<ResolversParentTypes['Ticket']> };
  TicketStatusChange: TicketStatusHistoryRow;
  User: UserParent;
  UserError: UserError;
  String: Scalars['String']['output'];
}>;

export type AuthenticatedDirectiveArgs = { };

export type AuthenticatedDirectiveResolver<Result, Parent, ContextType = SupportContext, Args = AuthenticatedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type OwnerOrAdminDirectiveArgs = {
  publicWhen?: Maybe<Scalars['String']['input']>;
};

export type OwnerOrAdminDirectiveResolver<Result, Parent, ContextType = SupportContext, Args = OwnerOrAdminDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresRoleDirectiveArgs = {
  roles: Array<Role>;
};

export type RequiresRoleDirectiveResolver<Result, Parent, ContextType = SupportContext, Args = RequiresRoleDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MutationResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  openTicket?: Resolver<ResolversTypes['TicketPayload'], ParentType, ContextType, RequireFields<MutationOpenTicketArgs, 'input'>>;
  replyToTicket?: Resolver<ResolversTypes['TicketPayload'], ParentType, ContextType, RequireFields<MutationReplyToTicketArgs, 'message' | 'ticketId'>>;
  setTicketStatus?: Resolver<ResolversTypes['TicketPayload'], ParentType, ContextType, RequireFields<MutationSetTicketStatusArgs, 'status' | 'ticketId'>>;
}>;

export type OrderResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order'], FederationReferenceType extends FederationReferenceTypes['Order'] = FederationReferenceTypes['Order']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Order']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  tickets?: Resolver<Array<ResolversTypes['Ticket']>, ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  supportQueue?: Resolver<ResolversTypes['TicketConnection'], ParentType, ContextType, RequireFields<QuerySupportQueueArgs, 'first'>>;
  ticket?: Resolver<Maybe<ResolversTypes['Ticket']>, ParentType, ContextType, RequireFields<QueryTicketArgs, 'id'>>;
}>;

export type SubscriptionResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  ticketUpdated?: SubscriptionResolver<ResolversTypes['Ticket'], "ticketUpdated", ParentType, ContextType, RequireFields<SubscriptionTicketUpdatedArgs, 'ticketId'>>;
}>;

export type TicketResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['Ticket'] = ResolversParentTypes['Ticket']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['TicketStatusChange']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  messages?: Resolver<Array<ResolversTypes['TicketMessage']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  order?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
  orderStatus?: Resolver<Maybe<ResolversTypes['OrderStatus']>, ParentType, ContextType>;
  priority?: Resolver<Maybe<ResolversTypes['TicketPriority']>, ParentType, ContextType>;
  priorityReasons?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TicketStatus'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type TicketConnectionResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['TicketConnection'] = ResolversParentTypes['TicketConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['TicketEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type TicketEdgeResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['TicketEdge'] = ResolversParentTypes['TicketEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType>;
}>;

export type TicketMessageResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['TicketMessage'] = ResolversParentTypes['TicketMessage']> = ResolversObject<{
  author?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  byStaff?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type TicketPayloadResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['TicketPayload'] = ResolversParentTypes['TicketPayload']> = ResolversObject<{
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  ticket?: Resolver<Maybe<ResolversTypes['Ticket']>, ParentType, ContextType>;
}>;

export type TicketStatusChangeResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['TicketStatusChange'] = ResolversParentTypes['TicketStatusChange']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  by?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['TicketStatus'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['TicketStatus'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  tickets?: Resolver<ResolversTypes['TicketConnection'], ParentType, ContextType, RequireFields<UserTicketsArgs, 'first'>>;
}>;

export type UserErrorResolvers<ContextType = SupportContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = SupportContext> = ResolversObject<{
  DateTime?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Ticket?: TicketResolvers<ContextType>;
  TicketConnection?: TicketConnectionResolvers<ContextType>;
  TicketEdge?: TicketEdgeResolvers<ContextType>;
  TicketMessage?: TicketMessageResolvers<ContextType>;
  TicketPayload?: TicketPayloadResolvers<ContextType>;
  TicketStatusChange?: TicketStatusChangeResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = SupportContext> = ResolversObject<{
  authenticated?: AuthenticatedDirectiveResolver<any, any, ContextType>;
  ownerOrAdmin?: OwnerOrAdminDirectiveResolver<any, any, ContextType>;
  requiresRole?: RequiresRoleDirectiveResolver<any, any, ContextType>;
}>;

import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { ConversationRow, MessageRow } from '../../db/schema.js';
import { AssistantContext } from '../context.js';
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
  _FieldSet: { input: unknown; output: unknown; }
};

/** A question's answer from the shop assistant. */
export type AssistantAnswer = {
  __typename?: 'AssistantAnswer';
  /** The answer, in the question's language (Spanish or English). */
  answer: Scalars['String']['output'];
  /** Pass it with the next question to keep the conversation. */
  conversationId: Scalars['ID']['output'];
  /** The graph data the answer used, as JSON */
  sources: Array<Scalars['String']['output']>;
};

/** A conversation of the viewer with the assistant. */
export type AssistantConversation = {
  __typename?: 'AssistantConversation';
  /** When the first question was asked. */
  createdAt: Scalars['DateTime']['output'];
  /** Pass it to askAssistant to go on with this conversation. */
  id: Scalars['ID']['output'];
  /** Its turns, oldest first. */
  messages: Array<AssistantMessage>;
};

/** One turn of a conversation with the assistant. */
export type AssistantMessage = {
  __typename?: 'AssistantMessage';
  /** When it was written. */
  createdAt: Scalars['DateTime']['output'];
  /** The message's id. */
  id: Scalars['ID']['output'];
  /** USER or ASSISTANT. */
  role: Scalars['String']['output'];
  /** For the assistant's turns: the graph data used, as JSON. */
  sources: Array<Scalars['String']['output']>;
  /** What was asked or answered. */
  text: Scalars['String']['output'];
};

/** The result of askAssistant: an answer, or why there is none. */
export type AssistantPayload = {
  __typename?: 'AssistantPayload';
  /** The answer; null when errors is not empty. */
  answer?: Maybe<AssistantAnswer>;
  /** INVALID_INPUT (an empty or too long question), NOT_FOUND (a conversation that is not the viewer's), SERVICE_UNAVAILABLE (the graph or the model did not answer). Too many questions are a RATE_LIMITED GraphQL error instead. */
  errors: Array<UserError>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Signed-in users. Answers from the graph as the asking user (never more than they could query). Rate limited per user (RATE_LIMITED with retryAfterSeconds). */
  askAssistant: AssistantPayload;
};


export type MutationAskAssistantArgs = {
  conversationId?: InputMaybe<Scalars['ID']['input']>;
  question: Scalars['String']['input'];
};

export type Query = {
  __typename?: 'Query';
  /** One of the viewer's own conversations; null for anyone else's. */
  assistantConversation?: Maybe<AssistantConversation>;
  /** The viewer's own conversations, newest first. */
  assistantConversations: Array<AssistantConversation>;
  /** Questions the assistant answers well for the viewer's roles, in Spanish. */
  assistantSuggestions: Array<Scalars['String']['output']>;
};


export type QueryAssistantConversationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAssistantConversationsArgs = {
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





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AssistantAnswer: ResolverTypeWrapper<AssistantAnswer>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AssistantConversation: ResolverTypeWrapper<ConversationRow>;
  AssistantMessage: ResolverTypeWrapper<MessageRow>;
  AssistantPayload: ResolverTypeWrapper<AssistantPayload>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Role: Role;
  UserError: ResolverTypeWrapper<UserError>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AssistantAnswer: AssistantAnswer;
  ID: Scalars['ID']['output'];
  AssistantConversation: ConversationRow;
  AssistantMessage: MessageRow;
  AssistantPayload: AssistantPayload;
  DateTime: Scalars['DateTime']['output'];
  Mutation: Record<PropertyKey, never>;
  Query: Record<PropertyKey, never>;
  Int: Scalars['Int']['output'];
  UserError: UserError;
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
}>;

export type AuthenticatedDirectiveArgs = { };

export type AuthenticatedDirectiveResolver<Result, Parent, ContextType = AssistantContext, Args = AuthenticatedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type OwnerOrAdminDirectiveArgs = {
  publicWhen?: Maybe<Scalars['String']['input']>;
};

export type OwnerOrAdminDirectiveResolver<Result, Parent, ContextType = AssistantContext, Args = OwnerOrAdminDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RequiresRoleDirectiveArgs = {
  roles: Array<Role>;
};

export type RequiresRoleDirectiveResolver<Result, Parent, ContextType = AssistantContext, Args = RequiresRoleDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AssistantAnswerResolvers<ContextType = AssistantContext, ParentType extends ResolversParentTypes['AssistantAnswer'] = ResolversParentTypes['AssistantAnswer']> = ResolversObject<{
  answer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  conversationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type AssistantConversationResolvers<ContextType = AssistantContext, ParentType extends ResolversParentTypes['AssistantConversation'] = ResolversParentTypes['AssistantConversation']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  messages?: Resolver<Array<ResolversTypes['AssistantMessage']>, ParentType, ContextType>;
}>;

export type AssistantMessageResolvers<ContextType = AssistantContext, ParentType extends ResolversParentTypes['AssistantMessage'] = ResolversParentTypes['AssistantMessage']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type AssistantPayloadResolvers<ContextType = AssistantContext, ParentType extends ResolversParentTypes['AssistantPayload'] = ResolversParentTypes['AssistantPayload']> = ResolversObject<{
  answer?: Resolver<Maybe<ResolversTypes['AssistantAnswer']>, ParentType, ContextType>;
  errors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MutationResolvers<ContextType = AssistantContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  askAssistant?: Resolver<ResolversTypes['AssistantPayload'], ParentType, ContextType, RequireFields<MutationAskAssistantArgs, 'question'>>;
}>;

export type QueryResolvers<ContextType = AssistantContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  assistantConversation?: Resolver<Maybe<ResolversTypes['AssistantConversation']>, ParentType, ContextType, RequireFields<QueryAssistantConversationArgs, 'id'>>;
  assistantConversations?: Resolver<Array<ResolversTypes['AssistantConversation']>, ParentType, ContextType, RequireFields<QueryAssistantConversationsArgs, 'first'>>;
  assistantSuggestions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = AssistantContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = AssistantContext> = ResolversObject<{
  AssistantAnswer?: AssistantAnswerResolvers<ContextType>;
  AssistantConversation?: AssistantConversationResolvers<ContextType>;
  AssistantMessage?: AssistantMessageResolvers<ContextType>;
  AssistantPayload?: AssistantPayloadResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = AssistantContext> = ResolversObject<{
  authenticated?: AuthenticatedDirectiveResolver<any, any, ContextType>;
  ownerOrAdmin?: OwnerOrAdminDirectiveResolver<any, any, ContextType>;
  requiresRole?: RequiresRoleDirectiveResolver<any, any, ContextType>;
}>;

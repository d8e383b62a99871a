import type { GraphQLFieldResolver, GraphQLOutputType, GraphQLSchema } from 'graphql';
import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import { hasRole, isOwnerOrAdmin, servicePrincipalOf, type Role, type Viewer } from '@shop/auth';
import { forbidden, unauthenticated } from '@shop/common';
import { graphql } from './graphql-runtime.js';

// The instance @apollo/subgraph builds schemas with: graphql-js refuses types from another copy.
const { defaultFieldResolver, getNamedType, getNullableType, isListType, isNonNullType, isObjectType, GraphQLObjectType } = graphql;

/**
 * Enforces the access directives a subgraph's schema.graphql declares, in the subgraph itself, so a subgraph reached
 * directly is exactly as safe as through the gateway:
 *
 * - `@authenticated` (field or type): a signed-in user, else UNAUTHENTICATED.
 * - `@requiresRole(roles:)` (field or type): one of the roles, else UNAUTHENTICATED (signed out) or FORBIDDEN; a
 *   mutation payload with `errors: [UserError!]!` carries the FORBIDDEN there, as its other refusals.
 * - `@ownerOrAdmin` on a type: each value of it, however produced (a field, a list, `_entities`), is seen by its owner,
 *   admins and verified services only, or by anyone when `publicWhen:` names a rule that holds for it; anyone else
 *   gets null where the schema allows it (it looks missing) and FORBIDDEN where it does not.
 * - `@ownerOrAdmin` on a field: the parent object's owner, admins and services; null or FORBIDDEN as above.
 *
 * Who owns an object is data: each subgraph's policy names the owner of each type that needs one.
 */
export interface AccessPolicy<TContext = any> {
  /** The owning user's id of an object of a type that is (or has fields) @ownerOrAdmin. */
  owners?: Record<string, (object: any, context: TContext) => string | null | undefined | Promise<string | null | undefined>>;
  /** The rules `@ownerOrAdmin(publicWhen: "name")` refers to: objects anyone may see. */
  publicWhen?: Record<string, (object: any, context: TContext) => boolean | Promise<boolean>>;
}

interface Principal {
  viewer: Viewer | null;
  service: ReturnType<typeof servicePrincipalOf>;
}

const principalOf = (context: unknown): Principal => ({
  viewer: ((context as { viewer?: Viewer | null } | null)?.viewer ?? null) as Viewer | null,
  service: servicePrincipalOf(context),
});

interface FieldRules {
  authenticated: boolean;
  roles: Role[] | null;
  /** @ownerOrAdmin on the field: the parent type's owner. */
  parentOwner: boolean;
}

type Visible = (value: unknown, context: unknown) => Promise<boolean>;

const isPromise = (value: unknown): value is PromiseLike<unknown> => !!value && typeof (value as PromiseLike<unknown>).then === 'function';

/** The schema with every field and entity that a directive covers wrapped in its check. Throws at start for a rule the policy cannot answer. */
export function enforceAccessDirectives(schema: GraphQLSchema, policy: AccessPolicy = {}): GraphQLSchema {
  const directive = (node: Parameters<typeof getDirective>[1], name: string) => getDirective(schema, node, name)?.[0];
  const ownerOf = (typeName: string) => {
    const owner = policy.owners?.[typeName];
    if (!owner) throw new Error(`${typeName} is @ownerOrAdmin but the subgraph's access policy names no owner for it.`);
    return owner;
  };

  // Types whose every value is checked: @ownerOrAdmin on the type.
  const visibility = new Map<string, Visible>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const rule = directive(type, 'ownerOrAdmin');
    if (!rule) continue;
    const owner = ownerOf(type.name);
    const publicRule = rule.publicWhen ? policy.publicWhen?.[rule.publicWhen as string] : undefined;
    if (rule.publicWhen && !publicRule) throw new Error(`${type.name} is @ownerOrAdmin(publicWhen: "${rule.publicWhen}") but the access policy has no such rule.`);
    visibility.set(type.name, async (value, context) => {
      if (value === null || value === undefined) return true;
      const { viewer, service } = principalOf(context);
      if (isOwnerOrAdmin(viewer, service, null)) return true;
      if (viewer && isOwnerOrAdmin(viewer, null, await owner(value, context))) return true;
      return !!publicRule && (await publicRule(value, context));
    });
  }

  const rulesOf = (typeName: string, fieldName: string): FieldRules | null => {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) return null;
    const field = type.getFields()[fieldName]!;
    const roleRule = directive(field, 'requiresRole') ?? directive(type, 'requiresRole');
    const rules: FieldRules = {
      authenticated: !!(directive(field, 'authenticated') ?? directive(type, 'authenticated')),
      roles: roleRule ? (roleRule.roles as Role[]) : null,
      parentOwner: !!directive(field, 'ownerOrAdmin'),
    };
    if (rules.parentOwner) ownerOf(typeName);
    return rules.authenticated || rules.roles || rules.parentOwner ? rules : null;
  };

  return mapSchema(schema, {
    [MapperKind.OBJECT_TYPE]: (type) => {
      const visible = visibility.get(type.name);
      const subgraph = (type.extensions as { apollo?: { subgraph?: { resolveReference?: Function } } }).apollo?.subgraph;
      if (!visible) return type;
      // _entities: a representation of an object the caller may not see resolves to null, as an unknown id does.
      const resolveReference = subgraph?.resolveReference ?? ((reference: unknown) => reference);
      const guarded = async (reference: unknown, context: unknown, info: unknown) => {
        const value = await resolveReference(reference, context, info);
        return (await visible(value, context)) ? value : null;
      };
      const config = type.toConfig();
      const apollo = (config.extensions as { apollo?: Record<string, unknown> }).apollo ?? {};
      return new GraphQLObjectType({ ...config, extensions: { ...config.extensions, apollo: { ...apollo, subgraph: { ...subgraph, resolveReference: guarded } } } });
    },
    [MapperKind.OBJECT_FIELD]: (fieldConfig, fieldName, typeName) => {
      const rules = rulesOf(typeName, fieldName);
      const valueCheck = visibility.has(getNamedType(fieldConfig.type).name) ? checkValues(fieldConfig.type, visibility.get(getNamedType(fieldConfig.type).name)!) : null;
      if (!rules && !valueCheck) return fieldConfig;
      const owner = rules?.parentOwner ? policy.owners![typeName]! : null;
      const admit = async (parent: unknown, context: unknown): Promise<Refusal | null> => {
        const { viewer, service } = principalOf(context);
        if ((rules?.authenticated || rules?.roles) && !viewer) throw unauthenticated();
        if (rules?.roles && !rules.roles.some((role) => hasRole(viewer, role))) return { code: 'FORBIDDEN', message: `This needs one of the roles ${rules.roles.join(', ')}.` };
        if (owner && !isOwnerOrAdmin(viewer, service, null) && !(viewer && isOwnerOrAdmin(viewer, null, await owner(parent, context)))) {
          return { code: 'FORBIDDEN', message: 'Only the owner or an admin can see this.' };
        }
        return null;
      };
      const refuse = (refusal: Refusal) => refusalFor(fieldConfig.type, refusal);
      const resolve = fieldConfig.resolve ?? defaultFieldResolver;
      const resolveChecked: GraphQLFieldResolver<unknown, unknown> = (parent, args, context, info) => {
        const result = resolve(parent, args, context, info);
        return valueCheck ? (isPromise(result) ? Promise.resolve(result).then((v) => valueCheck(v, context)) : valueCheck(result, context)) : result;
      };
      if (fieldConfig.subscribe) {
        // A subscription is admitted once, when it starts; each event's value is still checked.
        const subscribe = fieldConfig.subscribe;
        return {
          ...fieldConfig,
          subscribe: rules ? async (parent, args, context, info) => {
            const refusal = await admit(parent, context);
            if (refusal) throw forbidden(refusal.message);
            return subscribe(parent, args, context, info);
          } : subscribe,
          resolve: resolveChecked,
        };
      }
      return {
        ...fieldConfig,
        resolve: rules
          ? async (parent, args, context, info) => {
              const refusal = await admit(parent, context);
              return refusal ? refuse(refusal) : resolveChecked(parent, args, context, info);
            }
          : resolveChecked,
      };
    },
  });
}

interface Refusal {
  code: 'FORBIDDEN';
  message: string;
}

/** null where the schema allows it; a payload's own errors for a mutation payload; FORBIDDEN otherwise. */
function refusalFor(type: GraphQLOutputType, refusal: Refusal): unknown {
  if (!isNonNullType(type)) return null;
  const inner = getNullableType(type);
  if (isObjectType(inner)) {
    const errors = inner.getFields().errors;
    if (errors && getNamedType(errors.type).name === 'UserError') return { errors: [{ code: refusal.code, message: refusal.message, field: null }] };
  }
  throw forbidden(refusal.message);
}

/** Checks each value of a protected type in a field's result, through lists: an unseen one becomes null, or FORBIDDEN where null cannot go. */
function checkValues(type: GraphQLOutputType, visible: Visible): (value: unknown, context: unknown) => Promise<unknown> {
  const check = async (t: GraphQLOutputType, value: unknown, context: unknown): Promise<unknown> => {
    if (value === null || value === undefined) return value;
    const nullable = getNullableType(t);
    if (isListType(nullable)) return Promise.all([...(value as Iterable<unknown>)].map((item) => check(nullable.ofType, item, context)));
    if (await visible(value, context)) return value;
    if (isNonNullType(t)) throw forbidden('Only the owner or an admin can see this.');
    return null;
  };
  return (value, context) => check(type, value, context);
}

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildASTSchema, buildSchema, findBreakingChanges, isEnumType, isInputObjectType, isInterfaceType, isObjectType, Kind, parse,
  type BreakingChange, type DefinitionNode, type DocumentNode, type GraphQLSchema,
} from 'graphql';

/** The least public API the composed graph must offer: checked in, so a bare clone can run the contract checks. */
export const contractPath = fileURLToPath(new URL('../../schema/contract.graphql', import.meta.url));
/** Where the contract is maintained when shared/ sits beside the repository; the checked-in copy must match it. */
export const sharedContractPath = fileURLToPath(new URL('../../../shared/contract/api.graphql', import.meta.url));
export const pendingPath = fileURLToPath(new URL('../../schema/contract-pending.txt', import.meta.url));

export function readContract(): DocumentNode {
  return parse(readFileSync(contractPath, 'utf8'));
}

/** Contract items the API schema lacks, as Type, Type.field, Type.field(arg) or Enum.VALUE. */
export function missingContractItems(contract: GraphQLSchema, api: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(contract.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    const actual = api.getType(type.name);
    if (!actual) {
      missing.push(type.name);
      continue;
    }
    if ((isObjectType(type) || isInterfaceType(type)) && (isObjectType(actual) || isInterfaceType(actual))) {
      const fields = actual.getFields();
      for (const field of Object.values(type.getFields())) {
        const got = fields[field.name];
        if (!got) missing.push(`${type.name}.${field.name}`);
        else for (const arg of field.args) if (!got.args.some((a) => a.name === arg.name)) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type) && isInputObjectType(actual)) {
      const fields = actual.getFields();
      for (const field of Object.values(type.getFields())) if (!fields[field.name]) missing.push(`${type.name}.${field.name}`);
    } else if (isEnumType(type) && isEnumType(actual)) {
      for (const value of type.getValues()) if (!actual.getValue(value.name)) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing.sort();
}

/** The contract with the pending items taken out: what the graph must already satisfy without any breaking change. */
export function contractWithout(contract: DocumentNode, pending: readonly string[]): GraphQLSchema {
  const drop = new Set(pending);
  const definitions = contract.definitions
    .filter((def) => !('name' in def && def.name && drop.has(def.name.value)))
    .map((def): DefinitionNode => {
      if (!('name' in def) || !def.name) return def;
      const typeName = def.name.value;
      if ((def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) && def.fields) {
        return { ...def, fields: def.fields.filter((f) => !drop.has(`${typeName}.${f.name.value}`)) } as DefinitionNode;
      }
      if (def.kind === Kind.ENUM_TYPE_DEFINITION && def.values) {
        return { ...def, values: def.values.filter((v) => !drop.has(`${typeName}.${v.name.value}`)) };
      }
      return def;
    });
  return buildASTSchema({ ...contract, definitions });
}

export function breakingChangesAgainst(contract: DocumentNode, pending: readonly string[], apiSdl: string): BreakingChange[] {
  return findBreakingChanges(contractWithout(contract, pending), buildSchema(apiSdl));
}

export function readPending(): string[] {
  return readFileSync(pendingPath, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).sort();
}

import { createRequire } from 'node:module';
import {
  ERRORS,
  isCompositeType,
  isCustomScalarType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isSubtype,
  typenameFieldName,
  Variable,
  type CompositeType,
  type Field,
  type FragmentElement,
  type NamedType,
  type Operation,
  type Schema,
  type Selection,
  type SelectionSet,
  type Type,
} from '@apollo/federation-internals';
import type { GraphQLError } from 'graphql';
import { hasOwn } from './json-values.js';

/**
 * The last step of @apollo/gateway's executor, computeResponse (resultShaping.js): from the subgraphs' merged answers,
 * the response the operation asked for (its fields in its order, __typename, type conditions, @skip/@include, null
 * propagation, leaf values checked against the schema).
 *
 * Apollo's version interprets the operation at every node of the data: for each object it asks every selection for
 * its directives, response name, field type and (through the package's re-export getters) whether a type condition
 * applies. On the federation benchmark's TestQuery (thousands of objects, a few dozen selections) that was 12-14% of
 * the gateway's CPU. Here each selection set is read once per operation into plain steps (response name, conditions,
 * a shape per field type, a per-type-name answer for every type condition) and the data is walked with those. The
 * output, its errors and their order are the same as Apollo's (response-shaping.test.ts runs both on the same
 * inputs); only the cost differs.
 */

interface ShapingInput {
  operation: Operation;
  variables?: Record<string, unknown>;
  input: Record<string, unknown> | null | undefined;
  introspectionHandling: (selection: Selection) => unknown;
}
interface ShapingOutput {
  data: Record<string, unknown> | null | undefined;
  errors: GraphQLError[];
}

/** @skip or @include: a literal or a variable, read per request. */
type Condition = { variable: string; directive: string } | { value: boolean } | undefined;

type ValueShape =
  | { kind: 'nonNull'; type: Type; of: ValueShape }
  | { kind: 'list'; type: Type; of: ValueShape }
  | { kind: 'composite'; type: CompositeType }
  | { kind: 'leaf'; type: Type; valid: (value: unknown) => boolean };

interface FieldStep {
  kind: 'field';
  skip: Condition;
  include: Condition;
  responseName: string;
  isTypename: boolean;
  /** The introspection field's selection (answered by the gateway's own handler), else null. */
  introspection: Selection | null;
  shape: ValueShape;
  selectionSet: SelectionSet | undefined;
}
interface FragmentStep {
  kind: 'fragment';
  skip: Condition;
  include: Condition;
  typeCondition: CompositeType | undefined;
  /** Whether the condition applies to an object of that type name. */
  applies: Map<string, boolean>;
  selectionSet: SelectionSet;
}
type Step = FieldStep | FragmentStep;

interface Parameters {
  schema: Schema;
  variables: Record<string, unknown>;
  errors: GraphQLError[];
  introspectionHandling: (selection: Selection) => unknown;
  /** What the last shapeValue call found (kept here rather than in a result object per value). */
  isInvalid: boolean;
  hasErrors: boolean;
}

const OK = 0;
const NULL_BUBBLE_UP = 1;
const integerString = /^-?(?:0|[1-9][0-9]*)$/;

/** Steps of a selection set; the operation's objects live as long as one request, so this cache goes with them. */
const compiled = new WeakMap<SelectionSet, Step[]>();

function stepsOf(selectionSet: SelectionSet, schema: Schema): Step[] {
  let steps = compiled.get(selectionSet);
  if (!steps) {
    steps = selectionSet.selections().map((selection) => compileStep(selection, schema));
    compiled.set(selectionSet, steps);
  }
  return steps;
}

function conditionOf(element: Field | FragmentElement, directive: ReturnType<Schema['skipDirective']> | ReturnType<Schema['includeDirective']>): Condition {
  const applied = element.appliedDirectivesOf(directive)[0];
  if (!applied) return undefined;
  const argument = applied.arguments().if as unknown;
  return argument instanceof Variable ? { variable: argument.name, directive: String(applied) } : { value: argument as boolean };
}

function compileStep(selection: Selection, schema: Schema): Step {
  const skip = conditionOf(selection.element, schema.skipDirective());
  const include = conditionOf(selection.element, schema.includeDirective());
  if (selection.kind === 'FieldSelection') {
    const field = selection.element;
    return {
      kind: 'field',
      skip,
      include,
      responseName: field.responseName(),
      isTypename: field.name === typenameFieldName,
      introspection: field.definition.isSchemaIntrospectionField() ? selection : null,
      shape: shapeOf(field.definition.type!, schema),
      selectionSet: selection.selectionSet,
    };
  }
  return { kind: 'fragment', skip, include, typeCondition: selection.element.typeCondition, applies: new Map(), selectionSet: selection.selectionSet };
}

function shapeOf(type: Type, schema: Schema): ValueShape {
  if (isNonNullType(type)) return { kind: 'nonNull', type, of: shapeOf(type.ofType, schema) };
  if (isListType(type)) return { kind: 'list', type, of: shapeOf(type.ofType, schema) };
  if (isCompositeType(type)) return { kind: 'composite', type };
  return { kind: 'leaf', type, valid: leafValidator(type as NamedType, schema) };
}

/** federation-internals' isValidLeafValue, decided once per type. */
function leafValidator(type: NamedType, schema: Schema): (value: unknown) => boolean {
  if (isCustomScalarType(type)) return () => true;
  const [isBoolean, isInt, isFloat, isId] = [type === schema.booleanType(), type === schema.intType(), type === schema.floatType(), type === schema.idType()];
  const enumType = isEnumType(type) ? type : undefined;
  return (value) => {
    if (typeof value === 'boolean') return isBoolean;
    if (typeof value === 'number' && isFinite(value)) return isInt || isId ? integerString.test(String(value)) : isFloat;
    if (typeof value === 'string') return enumType ? enumType.value(value) !== undefined : !isBoolean && !isInt && !isFloat;
    return false;
  };
}

function skipped(step: Step, variables: Record<string, unknown>): boolean {
  return (step.skip !== undefined && conditionValue(step.skip, variables)) || (step.include !== undefined && !conditionValue(step.include, variables));
}

function conditionValue(condition: NonNullable<Condition>, variables: Record<string, unknown>): boolean {
  if ('value' in condition) return condition.value;
  const value = variables[condition.variable];
  if (typeof value !== 'boolean') throw new Error(`Unexpected value ${String(value)} for variable $${condition.variable} of ${condition.directive}`);
  return value;
}

function typeConditionApplies(step: FragmentStep, schema: Schema, typename: string | undefined, parentType: CompositeType): boolean {
  const condition = step.typeCondition;
  if (!condition) return true;
  const name = typename || parentType.name;
  let applies = step.applies.get(name);
  if (applies === undefined) {
    const type = typename ? schema.type(typename) : parentType;
    applies = !!type && isSubtype(condition, type);
    step.applies.set(name, applies);
  }
  return applies;
}

function applySelectionSet(input: Record<string, unknown>, steps: Step[], output: Record<string, unknown>, p: Parameters, path: (string | number)[], parentType: CompositeType): number {
  for (const step of steps) {
    if ((step.skip !== undefined || step.include !== undefined) && skipped(step, p.variables)) continue;
    if (step.kind === 'field') {
      const responseName = step.responseName;
      const outputValue = output[responseName];
      if (step.introspection) {
        if (outputValue === undefined) output[responseName] = p.introspectionHandling(step.introspection);
        continue;
      }
      let inputValue = (hasOwn(input, responseName) ? input[responseName] : undefined) ?? null;
      if (step.isTypename) {
        if (outputValue === undefined) {
          if (inputValue === null && responseName !== typenameFieldName) inputValue = input[typenameFieldName] ?? null;
          const type = typeof inputValue === 'string' ? (p.schema.type(inputValue) ?? parentType) : parentType;
          if (!isObjectType(type)) return NULL_BUBBLE_UP;
          output[responseName] = type.name;
        }
        continue;
      }
      path.push(responseName);
      output[responseName] = shapeValue(outputValue, step.shape, inputValue, step.selectionSet, path, p, parentType);
      path.pop();
      if (p.isInvalid) return NULL_BUBBLE_UP;
    } else {
      const typename = input[typenameFieldName];
      if (typename && typeof typename !== 'string') throw new Error(`Got unexpected value for __typename: ${String(typename)}`);
      if (typeConditionApplies(step, p.schema, typename as string | undefined, parentType)) {
        const result = applySelectionSet(input, stepsOf(step.selectionSet, p.schema), output, p, path, step.typeCondition ?? parentType);
        if (result === NULL_BUBBLE_UP) return NULL_BUBBLE_UP;
      }
    }
  }
  return OK;
}

function describeLast(path: (string | number)[], type: Type, parentType: CompositeType): string {
  const element = path[path.length - 1];
  return typeof element === 'string' ? `field ${parentType}.${element}` : `array element of type ${type} at index ${element}`;
}

function invalid(p: Parameters, message: string, path: (string | number)[]) {
  p.errors.push(ERRORS.INVALID_GRAPHQL.err(message, { path: Array.from(path) }));
}

/** Apollo's updateOutputValue; the result's isInvalid and hasErrors are left in p. */
function shapeValue(outputValue: unknown, shape: ValueShape, inputValue: unknown, selectionSet: SelectionSet | undefined, path: (string | number)[], p: Parameters, parentType: CompositeType): unknown {
  p.isInvalid = false;
  p.hasErrors = false;
  if (inputValue === undefined) throw new Error('Should not pass undefined for `inputValue` to this method');
  if (outputValue === null || (outputValue !== undefined && !selectionSet)) return outputValue;
  switch (shape.kind) {
    case 'nonNull': {
      const updated = shapeValue(outputValue, shape.of, inputValue, selectionSet, path, p, parentType);
      if (updated === null) {
        if (!p.hasErrors) invalid(p, `Cannot return null for non-nullable ${describeLast(path, shape.of.type, parentType)}.`, path);
        p.isInvalid = true;
        p.hasErrors = true;
        return null;
      }
      p.isInvalid = false;
      p.hasErrors = false;
      return updated;
    }
    case 'list': {
      if (inputValue === null) return null;
      if (!Array.isArray(inputValue)) throw new Error(`Invalid non-list value ${String(inputValue)} returned by subgraph for list type ${shape.type}`);
      if (outputValue !== undefined && !Array.isArray(outputValue)) throw new Error(`Invalid non-list value ${String(outputValue)} returned by subgraph for list type ${shape.type}`);
      const outputList = outputValue as unknown[] | undefined;
      if (outputList && outputList.length !== inputValue.length) throw new Error(`[${inputValue}].length (${inputValue.length}) !== [${outputList}].length (${outputList.length})`);
      let shouldNullify = false;
      let hasErrors = false;
      const updated = new Array<unknown>(inputValue.length);
      for (let i = 0; i < inputValue.length; i++) {
        path.push(i);
        updated[i] = shapeValue(outputList?.[i], shape.of, inputValue[i], selectionSet, path, p, parentType);
        path.pop();
        shouldNullify ||= p.isInvalid;
        hasErrors ||= p.hasErrors;
      }
      p.isInvalid = false;
      p.hasErrors = hasErrors;
      return shouldNullify ? null : updated;
    }
    case 'composite': {
      if (inputValue === null) return null;
      if (!selectionSet) throw new Error(`Invalid empty selection set for composite type ${shape.type}`);
      if (typeof inputValue !== 'object') throw new Error(`Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${shape.type}`);
      if (outputValue !== undefined && typeof outputValue !== 'object') throw new Error(`Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${shape.type}`);
      const object = inputValue as Record<string, unknown>;
      const inputTypename = object[typenameFieldName];
      if (inputTypename !== undefined && typeof inputTypename !== 'string') throw new Error(`Invalid non-string value ${String(inputTypename)} for __typename at ${path}`);
      let objectType: CompositeType = shape.type;
      if (inputTypename) {
        const named = p.schema.type(inputTypename);
        if (!named || !isCompositeType(named)) {
          invalid(p, `Invalid __typename found for object at ${describeLast(path, shape.type, parentType)}.`, path);
          p.hasErrors = true;
          return null;
        }
        objectType = named;
      }
      const output = (outputValue as Record<string, unknown> | undefined) ?? (Object.create(null) as Record<string, unknown>);
      const result = applySelectionSet(object, stepsOf(selectionSet, p.schema), output, p, path, objectType);
      p.isInvalid = false;
      p.hasErrors = result === NULL_BUBBLE_UP;
      return p.hasErrors ? null : output;
    }
    case 'leaf': {
      if (inputValue === null) return null;
      if (outputValue !== undefined) throw new Error(`Excepted output to be undefined but got ${shape.type} for type ${shape.type}`);
      const valid = shape.valid(inputValue);
      if (!valid) invalid(p, `Invalid value found for ${describeLast(path, shape.type, parentType)}.`, path);
      p.hasErrors = !valid;
      return valid ? inputValue : null;
    }
  }
}

/** Drop-in for @apollo/gateway's computeResponse (same arguments, same result). */
export function computeResponse({ operation, variables, input, introspectionHandling }: ShapingInput): ShapingOutput {
  if (!input) return { data: input, errors: [] };
  const schema = operation.schema();
  const p: Parameters = {
    schema,
    variables: { __proto__: null, ...operation.collectDefaultedVariableValues(), ...variables } as Record<string, unknown>,
    errors: [],
    introspectionHandling,
    isInvalid: false,
    hasErrors: false,
  };
  const data = Object.create(null) as Record<string, unknown>;
  const rootType = schema.schemaDefinition.rootType(operation.rootKind)!;
  const result = applySelectionSet(input, stepsOf(operation.selectionSet, schema), data, p, [], rootType);
  return { data: result === NULL_BUBBLE_UP ? null : data, errors: p.errors };
}

interface ResultShapingModule {
  computeResponse: typeof computeResponse;
}
const require = createRequire(import.meta.url);
/** The module @apollo/gateway's executeQueryPlan reads computeResponse from (at every call). */
const apolloResultShaping = require('@apollo/gateway/dist/resultShaping.js') as ResultShapingModule;
/** Apollo's own, kept for the equivalence tests. */
export const apolloComputeResponse = apolloResultShaping.computeResponse;

/**
 * Makes @apollo/gateway's executor (queries, and the rest of every subscription event's plan) shape responses with
 * this module. @apollo/gateway is pinned (package.json); a version whose executor stops reading computeResponse from
 * that module would leave Apollo's in place, which response-shaping.test.ts reports.
 */
export function useCompiledResponseShaping(): void {
  if (typeof apolloResultShaping.computeResponse !== 'function') throw new Error('@apollo/gateway/dist/resultShaping.js no longer exports computeResponse');
  apolloResultShaping.computeResponse = computeResponse;
}

import { Kind, visit, type ConstArgumentNode, type ConstDirectiveNode, type DocumentNode, type StringValueNode } from 'graphql';

/**
 * The access directives (@authenticated, @requiresRole, @ownerOrAdmin) as a line of each description, so Sandbox
 * users, who see descriptions but never applied directives (introspection has none), read who may call what.
 * A type's note goes on its definition in every subgraph, so the descriptions composition merges stay equal.
 */
const RULES: Record<string, (args: readonly ConstArgumentNode[]) => string> = {
  authenticated: () => 'signed-in users',
  requiresRole: (args) => `signed-in users with the role ${listOf(args, 'roles').join(' or ')}`,
  ownerOrAdmin: (args) => {
    const publicWhen = args.find((a) => a.name.value === 'publicWhen');
    return `the owner, admins and services${publicWhen?.value.kind === Kind.STRING ? ` (anyone, for a ${publicWhen.value.value})` : ''}; null or FORBIDDEN for anyone else`;
  },
};

function listOf(args: readonly ConstArgumentNode[], name: string): string[] {
  const value = args.find((a) => a.name.value === name)?.value;
  return value?.kind === Kind.LIST ? value.values.map((v) => ('value' in v ? String(v.value) : '')) : [];
}

export function accessNote(directives: readonly ConstDirectiveNode[] | undefined): string | null {
  const rules = (directives ?? []).filter((d) => d.name.value in RULES).map((d) => RULES[d.name.value]!(d.arguments ?? []));
  return rules.length ? `Access: ${rules.join('; ')}.` : null;
}

const described = (description: StringValueNode | undefined, note: string): StringValueNode => ({
  kind: Kind.STRING,
  value: description ? `${description.value}\n${note}` : note,
  block: true,
});

export function withAccessNotes(documents: readonly DocumentNode[]): DocumentNode[] {
  const typeNotes = new Map<string, string>();
  for (const document of documents) {
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
      const note = accessNote(definition.directives);
      if (note) typeNotes.set(definition.name.value, note);
    }
  }
  return documents.map((document) =>
    visit(document, {
      ObjectTypeDefinition(node) {
        const note = typeNotes.get(node.name.value);
        return note ? { ...node, description: described(node.description, note) } : undefined;
      },
      FieldDefinition(node) {
        const note = accessNote(node.directives);
        return note ? { ...node, description: described(node.description, note) } : undefined;
      },
    }),
  );
}

import { existsSync, readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSupergraph, readCheckedInSchemas } from '../src/compose.js';
import { breakingChangesAgainst, contractPath, missingContractItems, readContract, readPending, sharedContractPath } from '../src/contract.js';
import { buildASTSchema, Kind, parse, print, visit } from 'graphql';

describe('composed schema', () => {
  it('schema/ matches what the subgraphs compose to now (run npm run compose when this fails)', () => {
    const composed = composeSupergraph();
    const checkedIn = readCheckedInSchemas();
    expect(checkedIn.supergraphSdl).toBe(composed.supergraphSdl);
    expect(checkedIn.apiSdl).toBe(composed.apiSdl);
  });

  it('contract-pending.txt lists exactly the contract items the graph does not offer yet', () => {
    const missing = missingContractItems(buildASTSchema(readContract()), buildSchema(readCheckedInSchemas().apiSdl));
    expect(readPending()).toEqual(missing);
  });

  it('the API schema has no breaking change against the contract, apart from the pending items', () => {
    const changes = breakingChangesAgainst(readContract(), readPending(), readCheckedInSchemas().apiSdl);
    expect(changes.map((c) => `${c.type}: ${c.description}`)).toEqual([]);
  });

  it('the contract check itself catches a removed field and a changed type', () => {
    const api = parse(readCheckedInSchemas().apiSdl);
    const broken = print(
      visit(api, {
        FieldDefinition(node, _key, _parent, _path, ancestors) {
          const owner = ancestors.at(-1) as { name?: { value: string } };
          if (owner?.name?.value === 'Product' && node.name.value === 'sku') return null;
          if (owner?.name?.value === 'ProductConnection' && node.name.value === 'totalCount' && node.type.kind === Kind.NON_NULL_TYPE) return { ...node, type: node.type.type };
          return undefined;
        },
      }),
    );
    const changes = breakingChangesAgainst(readContract(), readPending(), broken);
    expect(changes.map((c) => c.description)).toEqual(expect.arrayContaining(['Product.sku was removed.', expect.stringContaining('ProductConnection.totalCount changed type')]));
  });
});

describe('checked-in contract', () => {
  it('schema/contract.graphql is byte-identical to ../shared/contract/api.graphql, where the contract is maintained', ({ skip }) => {
    skip(!existsSync(sharedContractPath), `no ${sharedContractPath}: shared/ is not beside this clone, so only the checked-in copy is used`);
    expect(readFileSync(contractPath).equals(readFileSync(sharedContractPath)), 'copy ../shared/contract/api.graphql over schema/contract.graphql').toBe(true);
  });
});

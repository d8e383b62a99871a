import { useState } from 'react';
import { useQuery } from 'urql';
import { StockMovementsQuery } from '../../operations/seller';
import { ErrorState, Loading } from '../../components/states';
import { formatDateTime } from '../../lib/dates';
import { movementReasonLabel } from '../../lib/labels';

/** The product's stock ledger, newest first: every restock, adjustment, sale and return. */
export function StockMovementsTable({ productId }: { productId: string }) {
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({ query: StockMovementsQuery, variables: { id: productId, after } });
  const movements = data?.product?.stockMovements;
  return (
    <section aria-labelledby="movements-heading" className="panel">
      <h2 id="movements-heading">Movimientos de inventario</h2>
      {!movements && fetching ? (
        <Loading label="Cargando movimientos…" />
      ) : !movements ? (
        <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : movements.edges.length === 0 ? (
        <p className="muted">Sin movimientos todavía.</p>
      ) : (
        <>
          <table className="summary responsive">
            <caption className="visually-hidden">Movimientos de inventario</caption>
            <thead>
              <tr>
                <th scope="col">Fecha</th>
                <th scope="col">Bodega</th>
                <th scope="col">Motivo</th>
                <th scope="col">Unidades</th>
              </tr>
            </thead>
            <tbody>
              {movements.edges.map(({ node }) => (
                <tr key={node.id} data-testid="stock-movement">
                  <td data-label="Fecha">{formatDateTime(node.createdAt)}</td>
                  <td data-label="Bodega">{node.warehouse.name}</td>
                  <td data-label="Motivo">
                    {movementReasonLabel[node.reason]}
                    {node.note ? ` · ${node.note}` : ''}
                  </td>
                  <td data-label="Unidades" className={node.delta < 0 ? 'negative' : 'positive'}>
                    {node.delta > 0 ? `+${node.delta}` : node.delta}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {movements.pageInfo.hasNextPage && (
            <button type="button" className="button secondary" disabled={fetching} onClick={() => setAfter(movements.pageInfo.endCursor ?? null)}>
              Ver más movimientos
            </button>
          )}
        </>
      )}
    </section>
  );
}

import { useState } from 'react';
import { useQuery } from 'urql';
import { StockMovementsQuery } from '../../operations/seller';
import { ErrorState, Loading } from '../../components/states';
import { formatDateTime } from '../../lib/dates';
import { movementReasonLabel } from '../../lib/labels';
import { ResponsiveTable } from '../../components/ResponsiveTable';

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
          <ResponsiveTable
            caption="Movimientos de inventario"
            captionHidden
            rows={movements.edges.map((edge) => edge.node)}
            rowKey={(movement) => movement.id}
            rowData={() => ({ 'data-testid': 'stock-movement' })}
            columns={[
              { header: 'Fecha', cell: (movement) => formatDateTime(movement.createdAt) },
              { header: 'Bodega', cell: (movement) => movement.warehouse.name },
              { header: 'Motivo', cell: (movement) => `${movementReasonLabel[movement.reason]}${movement.note ? ` · ${movement.note}` : ''}` },
              { header: 'Unidades', cell: (movement) => (movement.delta > 0 ? `+${movement.delta}` : movement.delta), className: (movement) => (movement.delta < 0 ? 'negative' : 'positive') },
            ]}
          />
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

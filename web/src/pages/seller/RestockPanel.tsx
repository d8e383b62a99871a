import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { AdjustStockMutation, ProductFormOptionsQuery } from '../../operations/seller';
import type { EditableProductQuery, StockMovementReason } from '../../gql/graphql';
import { UserErrors, describeError } from '../../components/states';
import { movementReasonLabel } from '../../lib/labels';
import { UNIT, countOf } from '../../lib/plurals';
import { ResponsiveTable } from '../../components/ResponsiveTable';

type Product = NonNullable<EditableProductQuery['product']>;

/** Stock per warehouse and a form to restock or adjust one (adjustStock writes a movement to the ledger). */
export function RestockPanel({ product }: { product: Product }) {
  const [{ data: options }] = useQuery({ query: ProductFormOptionsQuery });
  const warehouses = options?.warehouses ?? product.stock.warehouses.map((w) => w.warehouse);
  const [warehouseId, setWarehouseId] = useState('');
  const [delta, setDelta] = useState('10');
  const [reason, setReason] = useState<StockMovementReason>('RESTOCK');
  const [{ fetching, data, error }, adjustStock] = useMutation(AdjustStockMutation);
  const [done, setDone] = useState<string | null>(null);
  const selected = warehouseId || warehouses[0]?.id || '';
  const byWarehouse = new Map(product.stock.warehouses.map((w) => [w.warehouse.id, w]));

  return (
    <section aria-labelledby="stock-heading" className="panel">
      <h2 id="stock-heading">Existencias</h2>
      <p data-testid="stock-total" data-available={product.stock.available}>
        Disponibles: <strong>{product.stock.available}</strong> · En bodega: {product.stock.onHand} · Reservadas: {product.stock.reserved}
      </p>
      <ResponsiveTable
        caption="Existencias por bodega"
        captionHidden
        rows={warehouses.map((warehouse) => ({ warehouse, stock: byWarehouse.get(warehouse.id) }))}
        rowKey={({ warehouse }) => warehouse.id}
        rowData={({ warehouse }) => ({ 'data-testid': 'warehouse-stock', 'data-warehouse-id': warehouse.id })}
        columns={[
          { header: 'Bodega', rowHeader: true, cell: ({ warehouse }) => warehouse.name },
          { header: 'En bodega', cell: ({ stock }) => stock?.onHand ?? 0 },
          { header: 'Reservadas', cell: ({ stock }) => stock?.reserved ?? 0 },
          { header: 'Disponibles', cell: ({ stock }) => stock?.available ?? 0 },
        ]}
      />
      <form
        className="restock-form"
        onSubmit={async (event) => {
          event.preventDefault();
          setDone(null);
          const units = Number.parseInt(delta, 10);
          const signed = reason === 'RESTOCK' || reason === 'RETURN' ? Math.abs(units) : units;
          const result = await adjustStock({ input: { productId: product.id, warehouseId: selected, delta: signed, reason } });
          if (result.data?.adjustStock.product && !result.data.adjustStock.errors.length) setDone(`Listo: ${signed > 0 ? '+' : ''}${countOf(signed, UNIT)}.`);
        }}
      >
        <h3>Reabastecer o ajustar</h3>
        <div className="row">
          <div className="field">
            <label htmlFor="restock-warehouse">Bodega</label>
            <select id="restock-warehouse" value={selected} onChange={(e) => setWarehouseId(e.target.value)}>
              {warehouses.map((warehouse) => (
                <option key={warehouse.id} value={warehouse.id}>
                  {warehouse.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field narrow">
            <label htmlFor="restock-delta">Unidades</label>
            <input id="restock-delta" type="number" inputMode="numeric" step={1} required value={delta} onChange={(e) => setDelta(e.target.value)} aria-describedby="restock-delta-hint" />
          </div>
          <div className="field">
            <label htmlFor="restock-reason">Motivo</label>
            <select id="restock-reason" value={reason} onChange={(e) => setReason(e.target.value as StockMovementReason)}>
              {(['RESTOCK', 'ADJUSTMENT'] as const).map((value) => (
                <option key={value} value={value}>
                  {movementReasonLabel[value]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <small id="restock-delta-hint" className="hint">
          Un ajuste puede ser negativo para retirar unidades (nunca por debajo de las reservadas).
        </small>
        <UserErrors errors={data?.adjustStock.errors} />
        {error && <p role="alert" className="field-error">{describeError(error)}</p>}
        {done && <p role="status" className="success">{done}</p>}
        <button type="submit" className="button" disabled={fetching || !selected}>
          {fetching ? 'Guardando…' : 'Aplicar'}
        </button>
      </form>
    </section>
  );
}

import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ProductFormOptionsQuery } from '../../operations/seller';
import { TransferStockMutation } from '../../operations/supply';
import type { EditableProductQuery } from '../../gql/graphql';
import { UserErrors, describeError } from '../../components/states';
import { UNIT, countOf } from '../../lib/plurals';
import { warehouseKindLabel } from '../../lib/labels';

type Product = NonNullable<EditableProductQuery['product']>;

/**
 * Moves units of the product from one warehouse (or shop) to another in one step (transferStock: a TRANSFER out of
 * one and into the other); never more than the source has unreserved.
 */
export function TransferStockPanel({ product }: { product: Product }) {
  const [{ data: options }] = useQuery({ query: ProductFormOptionsQuery });
  const warehouses = options?.warehouses ?? [];
  const held = product.stock.warehouses.filter((w) => w.available > 0);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [{ fetching, data, error }, transfer] = useMutation(TransferStockMutation);
  const [done, setDone] = useState<string | null>(null);
  const source = from || held[0]?.warehouse.id || '';
  const destination = to || warehouses.find((w) => w.id !== source)?.id || '';
  const available = product.stock.warehouses.find((w) => w.warehouse.id === source)?.available ?? 0;
  const name = (id: string) => warehouses.find((w) => w.id === id)?.name ?? product.stock.warehouses.find((w) => w.warehouse.id === id)?.warehouse.name ?? '';

  return (
    <section aria-labelledby="transfer-heading" className="panel">
      <h2 id="transfer-heading">Traslados</h2>
      {held.length === 0 ? (
        <p className="muted">No hay unidades disponibles para trasladar.</p>
      ) : (
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            setDone(null);
            const units = Number.parseInt(quantity, 10);
            const result = await transfer({ input: { productId: product.id, fromWarehouseId: source, toWarehouseId: destination, quantity: units } });
            if (result.data?.transferStock.product && !result.data.transferStock.errors.length) setDone(`Listo: ${countOf(units, UNIT)} de ${name(source)} a ${name(destination)}.`);
          }}
        >
          <div className="row">
            <div className="field">
              <label htmlFor="transfer-from">Desde</label>
              <select id="transfer-from" value={source} onChange={(e) => setFrom(e.target.value)}>
                {held.map(({ warehouse, available: units }) => (
                  <option key={warehouse.id} value={warehouse.id}>
                    {warehouse.name} ({countOf(units, { one: 'disponible', other: 'disponibles' })})
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="transfer-to">Hacia</label>
              <select id="transfer-to" value={destination} onChange={(e) => setTo(e.target.value)}>
                {warehouses
                  .filter((w) => w.id !== source)
                  .map((warehouse) => (
                    <option key={warehouse.id} value={warehouse.id}>
                      {warehouse.name} · {warehouseKindLabel[warehouse.kind]}
                    </option>
                  ))}
              </select>
            </div>
            <div className="field narrow">
              <label htmlFor="transfer-quantity">Unidades a trasladar</label>
              <input id="transfer-quantity" type="number" inputMode="numeric" min={1} max={available} step={1} required value={quantity} onChange={(e) => setQuantity(e.target.value)} />
            </div>
          </div>
          <UserErrors errors={data?.transferStock.errors} />
          {error && <p role="alert" className="field-error">{describeError(error)}</p>}
          {done && <p role="status" className="success">{done}</p>}
          <button type="submit" className="button" disabled={fetching || !source || !destination}>
            {fetching ? 'Trasladando…' : 'Trasladar'}
          </button>
        </form>
      )}
    </section>
  );
}

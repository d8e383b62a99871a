import { useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { AdvanceReorderMutation, CreateReorderMutation, ReorderFormOptionsQuery, ReorderRequestsQuery } from '../../operations/supply';
import type { ReorderFieldsFragment, ReorderStatus } from '../../gql/graphql';
import { Link, useRouter } from '../../app/router';
import { useSession } from '../../app/session';
import { SellerSection } from './SellerSection';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { ErrorState, Loading, UserErrors, describeError } from '../../components/states';
import { formatDateTime } from '../../lib/dates';
import { ReorderStatusText, reorderStatusLabel, warehouseKindLabel } from '../../lib/labels';
import { UNIT, countOf } from '../../lib/plurals';

const STATUSES = Object.keys(reorderStatusLabel) as ReorderStatus[];

/** The moves a request in each status allows, as ReorderStatus defines them, with their button's words. */
const NEXT: Record<ReorderStatus, readonly (readonly [ReorderStatus, string])[]> = {
  DRAFT: [
    ['SENT', 'Enviar'],
    ['CANCELLED', 'Cancelar'],
  ],
  SENT: [
    ['RECEIVED', 'Recibido'],
    ['CANCELLED', 'Cancelar'],
  ],
  RECEIVED: [],
  CANCELLED: [],
};

/** Reorders to suppliers: the list by status (in the address, ?estado=SENT), a new one, and each one's next step. */
export function SellerReordersPage() {
  const { location, navigate } = useRouter();
  const raw = location.search.get('estado') ?? '';
  const status = (STATUSES as string[]).includes(raw) ? (raw as ReorderStatus) : null;
  const id = useId();
  return (
    <SellerSection title="Reabastecimiento">
      <p className="muted">
        Pide unidades a tus <Link to="/seller/suppliers">proveedores</Link>. Al marcar un pedido como recibido, sus unidades entran a la bodega elegida. Cuando un producto con proveedor queda con pocas existencias, te sugerimos un borrador.
      </p>
      <NewReorderForm />
      <div className="filters" role="search" aria-label="Filtrar pedidos a proveedores">
        <div className="field">
          <label htmlFor={`${id}-status`}>Estado</label>
          <select id={`${id}-status`} value={status ?? ''} onChange={(e) => navigate(e.target.value ? `/seller/reorders?estado=${e.target.value}` : '/seller/reorders', { replace: true })}>
            <option value="">Todos</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {reorderStatusLabel[value]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ReorderList status={status} />
    </SellerSection>
  );
}

function ReorderList({ status }: { status: ReorderStatus | null }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: ReorderRequestsQuery, variables: { status } });
  const [advancing, advance] = useMutation(AdvanceReorderMutation);
  if (!data && fetching) return <Loading label="Cargando pedidos a proveedores…" />;
  if (!data) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  return (
    <>
      <UserErrors errors={advancing.data?.advanceReorder.errors} />
      {advancing.error && <p role="alert" className="field-error">{describeError(advancing.error)}</p>}
      <ResponsiveTable
        caption="Pedidos a proveedores, los más recientes primero"
        captionHidden
        rows={data.reorderRequests}
        rowKey={(reorder) => reorder.id}
        rowData={(reorder) => ({ 'data-testid': 'reorder', 'data-status': reorder.status })}
        empty={status ? `No hay pedidos en estado «${reorderStatusLabel[status]}».` : 'Aún no hay pedidos a proveedores.'}
        columns={[
          {
            header: 'Producto',
            rowHeader: true,
            cell: (reorder) => (
              <>
                <Link to={`/seller/products/${reorder.product.id}`}>{reorder.product.name}</Link>
                {reorder.suggested && <span className="badge badge-low">Sugerido</span>}
              </>
            ),
          },
          { header: 'Proveedor', cell: (reorder) => reorder.supplier.name },
          { header: 'Cantidad', cell: (reorder) => countOf(reorder.quantity, UNIT) },
          { header: 'Bodega', cell: (reorder) => reorder.warehouse.name },
          { header: 'Estado', cell: (reorder) => <ReorderStatusText status={reorder.status} /> },
          { header: 'Creado', cell: (reorder) => formatDateTime(reorder.createdAt) },
          { header: 'Acciones', cell: (reorder) => <ReorderActions reorder={reorder} busy={advancing.fetching} onAdvance={(next) => advance({ id: reorder.id, status: next })} /> },
        ]}
      />
    </>
  );
}

function ReorderActions({ reorder, busy, onAdvance }: { reorder: ReorderFieldsFragment; busy: boolean; onAdvance: (status: ReorderStatus) => void }) {
  const moves = NEXT[reorder.status];
  if (!moves.length) return <span className="muted">—</span>;
  return (
    <span className="actions">
      {moves.map(([next, label]) => (
        <button key={next} type="button" className={next === 'CANCELLED' ? 'button link' : 'button secondary'} disabled={busy} onClick={() => onAdvance(next)}>
          {label} <span className="visually-hidden">el pedido de {reorder.product.name}</span>
        </button>
      ))}
    </span>
  );
}

/** A new DRAFT request: supplier, one of the seller's products, the warehouse that receives it, how many. */
function NewReorderForm() {
  const { viewer } = useSession();
  const [{ data }] = useQuery({ query: ReorderFormOptionsQuery, variables: { sellerId: viewer!.id } });
  const [supplierId, setSupplierId] = useState('');
  const [productId, setProductId] = useState('');
  const [warehouseId, setWarehouseId] = useState('');
  const [quantity, setQuantity] = useState('10');
  const [{ fetching, data: created, error }, createReorder] = useMutation(CreateReorderMutation);
  const [done, setDone] = useState<string | null>(null);
  if (!data) return null;
  const suppliers = data.suppliers;
  const products = data.products.edges.map((edge) => edge.node);
  const warehouses = data.warehouses;
  if (!suppliers.length) return null;
  const supplier = supplierId || suppliers[0]!.id;
  const product = productId || products[0]?.id || '';
  const warehouse = warehouseId || warehouses[0]?.id || '';
  return (
    <details className="panel">
      <summary>Nuevo pedido a un proveedor</summary>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          setDone(null);
          const result = await createReorder({ input: { supplierId: supplier, productId: product, warehouseId: warehouse, quantity: Number.parseInt(quantity, 10) } });
          const reorder = result.data?.createReorder.reorder;
          if (reorder) setDone(`Borrador creado: ${countOf(reorder.quantity, UNIT)} de ${reorder.product.name}.`);
        }}
      >
        <div className="row">
          <div className="field">
            <label htmlFor="reorder-supplier">Proveedor</label>
            <select id="reorder-supplier" value={supplier} onChange={(e) => setSupplierId(e.target.value)}>
              {suppliers.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="reorder-product">Producto</label>
            <select id="reorder-product" value={product} onChange={(e) => setProductId(e.target.value)}>
              {products.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.sku})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="reorder-warehouse">Recibe</label>
            <select id="reorder-warehouse" value={warehouse} onChange={(e) => setWarehouseId(e.target.value)}>
              {warehouses.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name} · {warehouseKindLabel[w.kind]}
                </option>
              ))}
            </select>
          </div>
          <div className="field narrow">
            <label htmlFor="reorder-quantity">Unidades</label>
            <input id="reorder-quantity" type="number" inputMode="numeric" min={1} step={1} required value={quantity} onChange={(e) => setQuantity(e.target.value)} />
          </div>
        </div>
        <UserErrors errors={created?.createReorder.errors} />
        {error && <p role="alert" className="field-error">{describeError(error)}</p>}
        {done && <p role="status" className="success">{done}</p>}
        <button type="submit" className="button" disabled={fetching || !product || !warehouse}>
          {fetching ? 'Creando…' : 'Crear borrador'}
        </button>
      </form>
    </details>
  );
}

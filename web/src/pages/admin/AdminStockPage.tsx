import { useState } from 'react';
import { useQuery } from 'urql';
import { AdminStockOverviewQuery } from '../../operations/admin';
import { Link, useRouter } from '../../app/router';
import { StockBadge } from '../../components/StockBadge';
import { ErrorState, Loading } from '../../components/states';
import { countOf, PRODUCT, formatCount } from '../../lib/plurals';
import { AdminSection, MoreButton } from './AdminSection';
import { ResponsiveTable } from '../../components/ResponsiveTable';

/** Admins: every product's stock summed over the warehouses, low stock first, with each warehouse's units. */
export function AdminStockPage() {
  const { location, navigate } = useRouter();
  const lowStockOnly = location.search.get('low') === '1';
  return (
    <AdminSection title="Existencias">
      <div className="checkbox">
        <input
          id="admin-stock-low"
          type="checkbox"
          checked={lowStockOnly}
          onChange={(event) => navigate(event.target.checked ? '/admin/stock?low=1' : '/admin/stock', { replace: true })}
        />
        <label htmlFor="admin-stock-low">Solo productos con pocas existencias</label>
      </div>
      <StockList key={String(lowStockOnly)} lowStockOnly={lowStockOnly} />
    </AdminSection>
  );
}

function StockList({ lowStockOnly }: { lowStockOnly: boolean }) {
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminStockOverviewQuery, variables: { after, lowStockOnly } });
  if (!data && fetching) return <Loading label="Cargando existencias…" />;
  if (!data) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const { edges, pageInfo, totalCount } = data.stockOverview;
  return (
    <>
      <p className="result-count" role="status" data-testid="stock-total" data-total={totalCount}>
        {countOf(totalCount, PRODUCT)}
      </p>
      <ResponsiveTable
        empty={lowStockOnly ? 'Ningún producto tiene pocas existencias.' : 'Aún no hay existencias registradas.'}
        caption="Existencias por producto, primero las más bajas"
        captionHidden
        rows={edges.map((edge) => edge.node)}
        rowKey={(product) => product.id}
        rowData={(product) => ({ 'data-testid': 'admin-stock-row', 'data-low': product.stock.lowStock })}
        columns={[
          {
            header: 'Producto',
            cell: (product) => (
              <>
                <Link to={`/products/${product.id}`}>{product.name}</Link>
                <div className="muted">SKU {product.sku}</div>
              </>
            ),
          },
          { header: 'Vendedor', cell: (product) => product.seller.name },
          { header: 'Disponibles', cell: (product) => <StockBadge stock={product.stock} /> },
          { header: 'Reservadas', cell: (product) => formatCount(product.stock.reserved) },
          { header: 'En bodega', cell: (product) => formatCount(product.stock.onHand) },
          {
            header: 'Por bodega',
            cell: (product) => (
              <ul className="plain">
                {product.stock.warehouses.map((w) => (
                  <li key={w.warehouse.id}>
                    {w.warehouse.name}: {formatCount(w.available)}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
      <MoreButton pageInfo={pageInfo} busy={fetching} onMore={setAfter} label="Ver más productos" />
    </>
  );
}

import { useState } from 'react';
import { useQuery } from 'urql';
import { AdminStockOverviewQuery } from '../../operations/admin';
import { Link, useRouter } from '../../app/router';
import { StockBadge } from '../../components/StockBadge';
import { Empty, ErrorState, Loading } from '../../components/states';
import { countOf, PRODUCT, formatCount } from '../../lib/plurals';
import { AdminSection, MoreButton } from './AdminSection';

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
      {edges.length === 0 ? (
        <Empty>
          <p>{lowStockOnly ? 'Ningún producto tiene pocas existencias.' : 'Aún no hay existencias registradas.'}</p>
        </Empty>
      ) : (
        <table className="summary responsive">
          <caption className="visually-hidden">Existencias por producto, primero las más bajas</caption>
          <thead>
            <tr>
              <th scope="col">Producto</th>
              <th scope="col">Vendedor</th>
              <th scope="col">Disponibles</th>
              <th scope="col">Reservadas</th>
              <th scope="col">En bodega</th>
              <th scope="col">Por bodega</th>
            </tr>
          </thead>
          <tbody>
            {edges.map(({ node }) => (
              <tr key={node.id} data-testid="admin-stock-row" data-low={node.stock.lowStock}>
                <td data-label="Producto">
                  <Link to={`/products/${node.id}`}>{node.name}</Link>
                  <div className="muted">SKU {node.sku}</div>
                </td>
                <td data-label="Vendedor">{node.seller.name}</td>
                <td data-label="Disponibles">
                  <StockBadge stock={node.stock} />
                </td>
                <td data-label="Reservadas">{formatCount(node.stock.reserved)}</td>
                <td data-label="En bodega">{formatCount(node.stock.onHand)}</td>
                <td data-label="Por bodega">
                  <ul className="plain">
                    {node.stock.warehouses.map((w) => (
                      <li key={w.warehouse.id}>
                        {w.warehouse.name}: {formatCount(w.available)}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MoreButton pageInfo={pageInfo} busy={fetching} onMore={setAfter} label="Ver más productos" />
    </>
  );
}

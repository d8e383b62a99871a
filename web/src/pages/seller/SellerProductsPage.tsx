import { useState } from 'react';
import { useQuery } from 'urql';
import { SellerProductsQuery } from '../../operations/seller';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { Price } from '../../components/Price';
import { StockBadge } from '../../components/StockBadge';
import { Empty, ErrorState, Loading } from '../../components/states';
import { SellerSection } from './SellerSection';
import { productStatusLabel } from '../../lib/labels';
import { ResponsiveTable } from '../../components/ResponsiveTable';

export function SellerProductsPage() {
  return (
    <SellerSection title="Mis productos">
      <p>
        <Link to="/seller/products/new" className="button">
          Nuevo producto
        </Link>
      </p>
      <SellerProductList />
    </SellerSection>
  );
}

function SellerProductList() {
  const { viewer } = useSession();
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({ query: SellerProductsQuery, variables: { sellerId: viewer!.id, after } });
  if (!data && fetching) return <Loading label="Cargando tus productos…" />;
  if (!data) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const { edges, pageInfo, totalCount } = data.products;
  if (!edges.length) return <Empty><p>Aún no tienes productos. Crea el primero.</p></Empty>;
  return (
    <>
      <p className="muted">{totalCount} productos</p>
      <ResponsiveTable
        caption="Tus productos"
        captionHidden
        rows={edges.map((edge) => edge.node)}
        rowKey={(product) => product.id}
        rowData={() => ({ 'data-testid': 'seller-product' })}
        columns={[
          {
            header: 'Producto',
            cell: (product) => (
              <>
                <Link to={`/seller/products/${product.id}`}>{product.name}</Link>
                <div className="muted">SKU {product.sku}</div>
              </>
            ),
          },
          { header: 'Estado', cell: (product) => productStatusLabel[product.status] },
          { header: 'Precio', cell: (product) => <Price money={product.price} /> },
          {
            header: 'Existencias',
            cell: (product) => (
              <>
                <StockBadge stock={product.stock} /> <span className="muted">({product.stock.onHand} en bodega, {product.stock.reserved} reservadas)</span>
              </>
            ),
          },
        ]}
      />
      {pageInfo.hasNextPage && (
        <button type="button" className="button secondary" disabled={fetching} onClick={() => setAfter(pageInfo.endCursor ?? null)}>
          Ver más
        </button>
      )}
    </>
  );
}

import { useState } from 'react';
import { useQuery } from 'urql';
import { SellerProductsQuery } from '../../operations/seller';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { PageHeading } from '../../components/PageHeading';
import { Price } from '../../components/Price';
import { StockBadge } from '../../components/StockBadge';
import { Empty, ErrorState, Loading } from '../../components/states';
import { RequireSignIn } from '../../components/RequireSignIn';
import { productStatusLabel } from '../../lib/labels';

export function SellerProductsPage() {
  return (
    <RequireSignIn role="SELLER">
      <PageHeading>Mis productos</PageHeading>
      <p>
        <Link to="/seller/products/new" className="button">
          Nuevo producto
        </Link>
      </p>
      <SellerProductList />
    </RequireSignIn>
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
      <table className="summary responsive">
        <caption className="visually-hidden">Tus productos</caption>
        <thead>
          <tr>
            <th scope="col">Producto</th>
            <th scope="col">Estado</th>
            <th scope="col">Precio</th>
            <th scope="col">Existencias</th>
          </tr>
        </thead>
        <tbody>
          {edges.map(({ node }) => (
            <tr key={node.id} data-testid="seller-product">
              <td data-label="Producto">
                <Link to={`/seller/products/${node.id}`}>{node.name}</Link>
                <div className="muted">SKU {node.sku}</div>
              </td>
              <td data-label="Estado">{productStatusLabel[node.status]}</td>
              <td data-label="Precio">
                <Price money={node.price} />
              </td>
              <td data-label="Existencias">
                <StockBadge stock={node.stock} /> <span className="muted">({node.stock.onHand} en bodega, {node.stock.reserved} reservadas)</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pageInfo.hasNextPage && (
        <button type="button" className="button secondary" disabled={fetching} onClick={() => setAfter(pageInfo.endCursor ?? null)}>
          Ver más
        </button>
      )}
    </>
  );
}

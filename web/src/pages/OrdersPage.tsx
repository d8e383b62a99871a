import { useState } from 'react';
import { useQuery } from 'urql';
import { MyOrdersQuery } from '../operations/orders';
import { Link } from '../app/router';
import { PageHeading } from '../components/PageHeading';
import { Price } from '../components/Price';
import { Empty, ErrorState, Loading } from '../components/states';
import { RequireSignIn } from '../components/RequireSignIn';
import { formatDateTime } from '../lib/dates';
import { OrderStatusText } from '../lib/labels';
import { ITEM, ORDER, countOf } from '../lib/plurals';

export function OrdersPage() {
  return (
    <RequireSignIn>
      <PageHeading>Mis pedidos</PageHeading>
      <OrderList />
    </RequireSignIn>
  );
}

/** Newest first; statuses update in place when an order page's subscription writes the order into the cache. */
function OrderList() {
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyOrdersQuery, variables: { after } });
  if (!data && fetching) return <Loading label="Cargando tus pedidos…" />;
  if (!data?.me) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const { edges, pageInfo, totalCount } = data.me.orders;
  if (!edges.length)
    return (
      <Empty>
        <p>Aún no tienes pedidos.</p>
        <Link to="/">Explorar el catálogo</Link>
      </Empty>
    );
  return (
    <>
      <p className="muted">{countOf(totalCount, ORDER)}</p>
      <ul className="order-list">
        {edges.map(({ node }) => (
          <li key={node.id} className="order-row" data-testid="order-row">
            <Link to={`/orders/${node.id}`}>{node.number}</Link>
            <span className="muted">{formatDateTime(node.createdAt)}</span>
            <span>{countOf(node.lines.reduce((n, line) => n + line.quantity, 0), ITEM)}</span>
            <Price money={node.total} />
            <OrderStatusText status={node.status} />
          </li>
        ))}
      </ul>
      {pageInfo.hasNextPage && (
        <button type="button" className="button secondary" disabled={fetching} onClick={() => setAfter(pageInfo.endCursor ?? null)}>
          Ver más pedidos
        </button>
      )}
    </>
  );
}

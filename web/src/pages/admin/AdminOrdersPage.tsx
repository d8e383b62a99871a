import { useEffect, useId, useState, type FormEvent } from 'react';
import { useClient, useQuery } from 'urql';
import { AdminOrdersQuery, OrderUpdatesSubscription } from '../../operations/admin';
import type { OrderFilter, OrderStatus } from '../../gql/graphql';
import { Link, useRouter } from '../../app/router';
import { Price } from '../../components/Price';
import { ErrorState, Loading } from '../../components/states';
import { formatDateTime } from '../../lib/dates';
import { OrderStatusText, orderStatusLabel } from '../../lib/labels';
import { countOf, ORDER } from '../../lib/plurals';
import { useLive } from '../../hooks';
import { AdminSection, MoreButton } from './AdminSection';
import { ResponsiveTable } from '../../components/ResponsiveTable';

const STATUSES = Object.keys(orderStatusLabel) as OrderStatus[];

/** The filters live in the address (?status=PAID&number=…&customer=…&from=2026-12-01&to=2026-12-31), so a view can be shared and survives a reload. */
interface Filters {
  status: string;
  number: string;
  customer: string;
  from: string;
  to: string;
}

function readFilters(search: URLSearchParams): Filters {
  return { status: search.get('status') ?? '', number: search.get('number') ?? '', customer: search.get('customer') ?? '', from: search.get('from') ?? '', to: search.get('to') ?? '' };
}

/** A calendar day (yyyy-mm-dd from a date input) as the instant it starts on this device's clock. */
const startOfDay = (day: string, plusDays = 0) => {
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + plusDays);
  return date.toISOString();
};

/** The API's filter: "to" includes its whole day (placedBefore is exclusive). */
export function toOrderFilter(filters: Filters): OrderFilter {
  return {
    ...(filters.status && { status: filters.status as OrderStatus }),
    ...(filters.number.trim() && { number: filters.number.trim() }),
    ...(filters.customer && { customerId: filters.customer }),
    ...(filters.from && { placedAfter: startOfDay(filters.from) }),
    ...(filters.to && { placedBefore: startOfDay(filters.to, 1) }),
  };
}

/** Admins: every order, newest first; filter, search by number, page on, and see new orders arrive. */
export function AdminOrdersPage() {
  const { location, navigate } = useRouter();
  // Links from before the list existed (/admin/orders?id=…) open the order.
  const legacyId = location.search.get('id');
  useEffect(() => {
    if (legacyId) navigate(`/admin/orders/${encodeURIComponent(legacyId)}`, { replace: true });
  }, [legacyId, navigate]);
  const filters = readFilters(location.search);
  const apply = (next: Filters) => {
    const query = new URLSearchParams(Object.entries(next).filter(([, value]) => value.trim() !== ''));
    navigate(query.size ? `/admin/orders?${query}` : '/admin/orders', { replace: true });
  };
  return (
    <AdminSection title="Pedidos">
      <OrderFilters key={`filters?${location.search}`} filters={filters} onApply={apply} />
      <OrderList key={`list?${location.search}`} filters={filters} onClearCustomer={() => apply({ ...filters, customer: '' })} />
    </AdminSection>
  );
}

function OrderFilters({ filters, onApply }: { filters: Filters; onApply: (filters: Filters) => void }) {
  const [draft, setDraft] = useState(filters);
  const id = useId();
  const set = (name: keyof Filters) => (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value });
  return (
    <form
      className="filters admin-filters"
      role="search"
      aria-label="Filtrar pedidos"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <div className="field grow">
        <label htmlFor={`${id}-number`}>Número de pedido</label>
        <input id={`${id}-number`} type="search" placeholder="ORD-000002" value={draft.number} onChange={set('number')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>Estado</label>
        <select id={`${id}-status`} value={draft.status} onChange={set('status')}>
          <option value="">Todos</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {orderStatusLabel[status]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>Desde</label>
        <input id={`${id}-from`} type="date" value={draft.from} onChange={set('from')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>Hasta</label>
        <input id={`${id}-to`} type="date" value={draft.to} min={draft.from || undefined} onChange={set('to')} />
      </div>
      <button type="submit" className="button">
        Filtrar
      </button>
      <button type="button" className="button secondary" onClick={() => onApply({ status: '', number: '', customer: '', from: '', to: '' })}>
        Quitar filtros
      </button>
    </form>
  );
}

function OrderList({ filters, onClearCustomer }: { filters: Filters; onClearCustomer: () => void }) {
  const filter = toOrderFilter(filters);
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminOrdersQuery, variables: { after, filter } });
  const live = useNewOrders(filter, new Set(data?.orders.edges.map((edge) => edge.node.id)));
  if (!data && fetching) return <Loading label="Cargando pedidos…" />;
  if (!data) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const { edges, pageInfo, totalCount } = data.orders;
  const customer = filters.customer ? (edges[0]?.node.customer.name ?? 'este cliente') : null;
  return (
    <>
      <p className="result-count" role="status" data-testid="orders-total" data-total={totalCount}>
        {countOf(totalCount, ORDER)}
        <span className={`live-dot${live ? ' on' : ''}`} title={live ? 'Los pedidos nuevos aparecen solos' : 'Sin conexión en vivo'} aria-hidden="true" />
        {customer && (
          <>
            {' '}de {customer}{' '}
            <button type="button" className="button link" onClick={onClearCustomer}>
              Ver los de todos
            </button>
          </>
        )}
      </p>
      <ResponsiveTable
        empty="Ningún pedido coincide con estos filtros."
        caption="Pedidos, los más recientes primero"
        captionHidden
        rows={edges.map((edge) => edge.node)}
        rowKey={(order) => order.id}
        rowData={(order) => ({ 'data-testid': 'admin-order-row', 'data-number': order.number })}
        columns={[
          { header: 'Número', cell: (order) => <Link to={`/admin/orders/${order.id}`}>{order.number}</Link> },
          { header: 'Fecha', cell: (order) => formatDateTime(order.createdAt) },
          { header: 'Cliente', cell: (order) => <Link to={`/admin/orders?customer=${encodeURIComponent(order.customer.id)}`}>{order.customer.name}</Link> },
          { header: 'Estado', cell: (order) => <OrderStatusText status={order.status} /> },
          { header: 'Total', cell: (order) => <Price money={order.total} /> },
        ]}
      />
      <MoreButton pageInfo={pageInfo} busy={fetching} onMore={setAfter} label="Ver más pedidos" />
    </>
  );
}

/**
 * orderUpdates pushes every placed order and every status change. A change to a listed order updates its row
 * through the normalized cache; an order the list does not show yet (new, or newly matching the filter) refreshes
 * the first page, which the cache merges above the pages already loaded.
 */
function useNewOrders(filter: OrderFilter, listed: Set<string>): boolean {
  const client = useClient();
  const { data, live } = useLive(OrderUpdatesSubscription, {});
  const update = data?.orderUpdates;
  const filterKey = JSON.stringify(filter);
  useEffect(() => {
    if (!update || listed.has(update.id)) return;
    void client.query(AdminOrdersQuery, { after: null, filter: JSON.parse(filterKey) as OrderFilter }, { requestPolicy: 'network-only' }).toPromise();
    // Not on `listed`: only a new event is a reason to ask again.
  }, [update, client, filterKey]);
  return live;
}

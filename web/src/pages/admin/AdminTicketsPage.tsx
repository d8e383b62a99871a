import { useEffect, useId, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { SupportQueueQuery } from '../../operations/support';
import { NotificationAddedSubscription } from '../../operations/notifications';
import type { TicketStatus } from '../../gql/graphql';
import { Link, useRouter } from '../../app/router';
import { ErrorState, Loading } from '../../components/states';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { formatDateTime } from '../../lib/dates';
import { TicketPriorityText, TicketStatusText, ticketStatusLabel } from '../../lib/labels';
import { TICKET, countOf } from '../../lib/plurals';
import { useLive } from '../../hooks';
import { AdminSection, MoreButton } from './AdminSection';

const STATUSES = Object.keys(ticketStatusLabel) as TicketStatus[];

/** Admins: the support queue, highest priority then oldest; the status filter lives in the address (?status=RESOLVED). */
export function AdminTicketsPage() {
  const { location, navigate } = useRouter();
  const raw = location.search.get('status') ?? '';
  const status = (STATUSES as string[]).includes(raw) ? (raw as TicketStatus) : null;
  const id = useId();
  return (
    <AdminSection title="Tickets de soporte">
      <div className="filters" role="search" aria-label="Filtrar tickets">
        <div className="field">
          <label htmlFor={`${id}-status`}>Estado</label>
          <select id={`${id}-status`} value={status ?? ''} onChange={(e) => navigate(e.target.value ? `/admin/tickets?status=${e.target.value}` : '/admin/tickets', { replace: true })}>
            <option value="">Pendientes (abiertos y en curso)</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {ticketStatusLabel[value]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <TicketQueue key={status ?? ''} status={status} />
    </AdminSection>
  );
}

function TicketQueue({ status }: { status: TicketStatus | null }) {
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({ query: SupportQueueQuery, variables: { after, status } });
  const live = useTicketNews(status);
  if (!data && fetching) return <Loading label="Cargando tickets…" />;
  if (!data) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const { edges, pageInfo, totalCount } = data.supportQueue;
  return (
    <>
      <p className="result-count" role="status" data-testid="tickets-total" data-total={totalCount}>
        {countOf(totalCount, TICKET)}
        <span className={`live-dot${live ? ' on' : ''}`} title={live ? 'Los tickets nuevos aparecen solos' : 'Sin conexión en vivo'} aria-hidden="true" />
      </p>
      <ResponsiveTable
        empty="No hay tickets en este estado."
        caption="Tickets, la prioridad más alta y los más antiguos primero"
        captionHidden
        rows={edges.map((edge) => edge.node)}
        rowKey={(ticket) => ticket.id}
        rowData={(ticket) => ({ 'data-testid': 'admin-ticket-row', 'data-number': ticket.number, 'data-priority': ticket.priority ?? '' })}
        columns={[
          { header: 'Ticket', cell: (ticket) => <Link to={`/admin/tickets/${ticket.id}`}>{ticket.number}</Link> },
          { header: 'Prioridad', cell: (ticket) => <TicketPriorityText priority={ticket.priority} /> },
          { header: 'Asunto', cell: (ticket) => ticket.subject },
          { header: 'Cliente', cell: (ticket) => ticket.customer.name },
          { header: 'Pedido', cell: (ticket) => <Link to={`/admin/orders/${ticket.order.id}`}>{ticket.order.number}</Link> },
          { header: 'Estado', cell: (ticket) => <TicketStatusText status={ticket.status} /> },
          { header: 'Abierto', cell: (ticket) => formatDateTime(ticket.createdAt) },
        ]}
      />
      <MoreButton pageInfo={pageInfo} busy={fetching} onMore={setAfter} label="Ver más tickets" />
    </>
  );
}

/**
 * Admins are notified of every ticket opened, replied to or changed (notificationAdded, which the header's bell
 * already subscribes to): each such notification reads the queue's first page again, so the list follows.
 */
function useTicketNews(status: TicketStatus | null): boolean {
  const client = useClient();
  const { data, live } = useLive(NotificationAddedSubscription, {});
  const added = data?.notificationAdded;
  useEffect(() => {
    if (!added?.kind.startsWith('TICKET_')) return;
    void client.query(SupportQueueQuery, { after: null, status }, { requestPolicy: 'network-only' }).toPromise();
  }, [added, client, status]);
  return live;
}

import { useState } from 'react';
import { useQuery } from 'urql';
import { MyTicketsQuery } from '../../operations/support';
import { Link } from '../../app/router';
import { PageHeading } from '../../components/PageHeading';
import { ErrorState, Loading } from '../../components/states';
import { RequireSignIn } from '../../components/RequireSignIn';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { formatDateTime } from '../../lib/dates';
import { TicketStatusText } from '../../lib/labels';
import { TICKET, countOf } from '../../lib/plurals';
import { MoreButton } from '../admin/AdminSection';

export function MyTicketsPage() {
  return (
    <RequireSignIn>
      <PageHeading>Mis tickets</PageHeading>
      <TicketList />
    </RequireSignIn>
  );
}

/** The viewer's tickets, newest first. */
function TicketList() {
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyTicketsQuery, variables: { after } });
  if (!data && fetching) return <Loading label="Cargando tus tickets…" />;
  if (!data?.me) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const { edges, pageInfo, totalCount } = data.me.tickets;
  return (
    <>
      {edges.length > 0 && <p className="muted">{countOf(totalCount, TICKET)}</p>}
      <ResponsiveTable
        empty={
          <>
            No has abierto tickets. Si necesitas ayuda con un pedido, escríbenos desde <Link to="/orders">la página del pedido</Link>.
          </>
        }
        caption="Mis tickets, los más recientes primero"
        captionHidden
        rows={edges.map((edge) => edge.node)}
        rowKey={(ticket) => ticket.id}
        rowData={(ticket) => ({ 'data-testid': 'my-ticket-row', 'data-number': ticket.number })}
        columns={[
          { header: 'Ticket', rowHeader: true, cell: (ticket) => <Link to={`/support/tickets/${ticket.id}`}>{ticket.number}</Link> },
          { header: 'Asunto', cell: (ticket) => ticket.subject },
          { header: 'Pedido', cell: (ticket) => <Link to={`/orders/${ticket.order.id}`}>{ticket.order.number}</Link> },
          { header: 'Estado', cell: (ticket) => <TicketStatusText status={ticket.status} /> },
          { header: 'Actualizado', cell: (ticket) => formatDateTime(ticket.updatedAt) },
        ]}
      />
      <MoreButton pageInfo={pageInfo} busy={fetching} onMore={setAfter} label="Ver más tickets" />
    </>
  );
}

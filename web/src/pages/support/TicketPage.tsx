import { useCallback } from 'react';
import { useMutation, useQuery } from 'urql';
import { SetTicketStatusMutation, TicketQuery, TicketUpdatedSubscription } from '../../operations/support';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { PageHeading } from '../../components/PageHeading';
import { Loading, NotFound, QueryFailure, UserErrors, describeError } from '../../components/states';
import { RequireSignIn } from '../../components/RequireSignIn';
import { useLive, useRefetchOnReconnect } from '../../hooks';
import { ReplyForm, TicketThread } from './TicketThread';
import { TicketFacts } from './TicketFacts';

export function TicketPage({ id }: { id: string }) {
  return (
    <RequireSignIn>
      <TicketView id={id} />
    </RequireSignIn>
  );
}

/** The customer's ticket: its thread moving live (ticketUpdated), a reply form, and closing it. */
function TicketView({ id }: { id: string }) {
  const { viewer } = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({ query: TicketQuery, variables: { id } });
  const refresh = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useRefetchOnReconnect(refresh);
  const { live } = useLive(TicketUpdatedSubscription, { ticketId: id }, !data?.ticket);
  const [closing, setStatus] = useMutation(SetTicketStatusMutation);
  if (!data && fetching) return <Loading label="Cargando ticket…" />;
  // Someone else's ticket is null, exactly like one that does not exist.
  const notFound = (
    <NotFound title="Este ticket no existe">
      <p>No hay un ticket con este enlace entre los tuyos.</p>
      <Link to="/support/tickets">Ver mis tickets</Link>
    </NotFound>
  );
  if (!data) return <QueryFailure error={error} retry={refresh} notFound={notFound} />;
  const ticket = data.ticket;
  if (!ticket) return notFound;
  const closed = ticket.status === 'CLOSED';
  return (
    <article className="ticket-page" data-ticket-id={ticket.id}>
      <PageHeading>Ticket {ticket.number}</PageHeading>
      <p className="ticket-subject">
        <strong>{ticket.subject}</strong>
        <span className={`live-dot${live ? ' on' : ''}`} title={live ? 'Las respuestas aparecen solas' : 'Sin conexión en vivo'} aria-hidden="true" />
      </p>
      <TicketFacts ticket={ticket} orderPath={`/orders/${ticket.order.id}`} />
      <TicketThread ticket={ticket} viewerId={viewer?.id} />
      {closed ? (
        <p className="muted">Este ticket está cerrado. Si necesitas más ayuda, abre uno nuevo desde la página del pedido.</p>
      ) : (
        <>
          <ReplyForm ticketId={ticket.id} />
          <div className="actions">
            <button type="button" className="button secondary" disabled={closing.fetching} onClick={() => void setStatus({ ticketId: ticket.id, status: 'CLOSED' })}>
              Cerrar ticket
            </button>
          </div>
          <UserErrors errors={closing.data?.setTicketStatus.errors} />
          {closing.error && <p role="alert" className="field-error">{describeError(closing.error)}</p>}
        </>
      )}
      <p>
        <Link to="/support/tickets">← Mis tickets</Link>
      </p>
    </article>
  );
}

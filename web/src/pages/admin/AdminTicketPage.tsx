import { useMutation, useQuery } from 'urql';
import { AdminTicketQuery, SetTicketStatusMutation, TicketUpdatedSubscription } from '../../operations/support';
import type { TicketStatus } from '../../gql/graphql';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { Empty, ErrorState, Loading, UserErrors, describeError, failureOf } from '../../components/states';
import { useLive } from '../../hooks';
import { AdminSection } from './AdminSection';
import { ReplyForm, TicketThread } from '../support/TicketThread';
import { TicketFacts } from '../support/TicketFacts';

/** The moves TicketStatus allows from each status (the support subgraph's transition table), as buttons. */
const MOVES: Record<TicketStatus, [to: TicketStatus, label: string][]> = {
  OPEN: [
    ['IN_PROGRESS', 'Marcar en curso'],
    ['RESOLVED', 'Marcar resuelto'],
    ['CLOSED', 'Cerrar'],
  ],
  IN_PROGRESS: [
    ['RESOLVED', 'Marcar resuelto'],
    ['CLOSED', 'Cerrar'],
  ],
  RESOLVED: [
    ['OPEN', 'Reabrir'],
    ['CLOSED', 'Cerrar'],
  ],
  CLOSED: [],
};

/** One ticket for staff: who and what, why its priority, the thread (live), a reply and the status moves. */
export function AdminTicketPage({ id }: { id: string }) {
  const { viewer } = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminTicketQuery, variables: { id } });
  useLive(TicketUpdatedSubscription, { ticketId: id }, !data?.ticket);
  const [changing, setStatus] = useMutation(SetTicketStatusMutation);
  const ticket = data?.ticket;
  const missing = data ? !ticket : ['not-found', 'bad-input'].includes(failureOf(error));
  let body;
  if (!data && fetching) body = <Loading label="Cargando ticket…" />;
  else if (missing)
    body = (
      <Empty>
        <p>No existe un ticket con ese identificador.</p>
        <Link to="/admin/tickets">Ver la cola de tickets</Link>
      </Empty>
    );
  else if (!ticket) body = <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  else
    body = (
      <>
        <p>
          <strong>{ticket.subject}</strong>
        </p>
        <p className="muted">
          {ticket.customer.name}
          {ticket.customer.email && ` · ${ticket.customer.email}`}
        </p>
        <TicketFacts ticket={ticket} orderPath={`/admin/orders/${ticket.order.id}`} />
        {ticket.priorityReasons && ticket.priorityReasons.length > 0 && (
          <section aria-labelledby="priority-reasons" className="panel">
            <h2 id="priority-reasons">Por qué esta prioridad</h2>
            {/* The assignment worker's rules, as it writes them (English). */}
            <ul lang="en">
              {ticket.priorityReasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </section>
        )}
        <div className="actions" role="group" aria-label="Cambiar estado">
          {MOVES[ticket.status].map(([to, label]) => (
            <button key={to} type="button" className={to === 'CLOSED' ? 'button secondary' : 'button'} disabled={changing.fetching} onClick={() => void setStatus({ ticketId: ticket.id, status: to })}>
              {label}
            </button>
          ))}
        </div>
        <UserErrors errors={changing.data?.setTicketStatus.errors} />
        {changing.error && <p role="alert" className="field-error">{describeError(changing.error)}</p>}
        <TicketThread ticket={ticket} viewerId={viewer?.id} />
        {ticket.status !== 'CLOSED' && <ReplyForm ticketId={ticket.id} label="Respuesta al cliente" />}
        <p>
          <Link to="/admin/tickets">← Cola de tickets</Link>
        </p>
      </>
    );
  return <AdminSection title={ticket ? `Ticket ${ticket.number}` : 'Ticket'}>{body}</AdminSection>;
}

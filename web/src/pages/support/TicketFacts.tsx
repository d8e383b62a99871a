import type { TicketDetailFragment } from '../../gql/graphql';
import { Link } from '../../app/router';
import { formatDateTime } from '../../lib/dates';
import { TicketPriorityText, TicketStatusText } from '../../lib/labels';

/** Status, priority ("Sin clasificar" until triaged), the order and the dates, as a definition list. */
export function TicketFacts({ ticket, orderPath }: { ticket: TicketDetailFragment; orderPath: string }) {
  return (
    <dl className="facts panel" data-testid="ticket-facts" data-status={ticket.status}>
      <div>
        <dt>Estado</dt>
        <dd>
          <TicketStatusText status={ticket.status} />
        </dd>
      </div>
      <div>
        <dt>Prioridad</dt>
        <dd>
          <TicketPriorityText priority={ticket.priority} />
        </dd>
      </div>
      <div>
        <dt>Pedido</dt>
        <dd>
          <Link to={orderPath}>{ticket.order.number}</Link>
        </dd>
      </div>
      <div>
        <dt>Abierto</dt>
        <dd>{formatDateTime(ticket.createdAt)}</dd>
      </div>
      <div>
        <dt>Última actualización</dt>
        <dd>{formatDateTime(ticket.updatedAt)}</dd>
      </div>
    </dl>
  );
}

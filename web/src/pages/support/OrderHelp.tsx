import { useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { OpenTicketMutation, OrderTicketsQuery } from '../../operations/support';
import { Link, useRouter } from '../../app/router';
import { Field } from '../../components/Field';
import { UserErrors, describeError } from '../../components/states';
import { formatDateTime } from '../../lib/dates';
import { TicketStatusText } from '../../lib/labels';

/** "Ayuda con este pedido" on the customer's own order: the order's tickets, and a form to open one. */
export function OrderHelp({ orderId }: { orderId: string }) {
  const [{ data }] = useQuery({ query: OrderTicketsQuery, variables: { id: orderId } });
  const [open, setOpen] = useState(false);
  const formId = useId();
  const tickets = data?.order?.tickets ?? [];
  return (
    <section className="panel order-help" aria-labelledby={`${formId}-heading`}>
      <h2 id={`${formId}-heading`}>¿Necesitas ayuda?</h2>
      {tickets.length > 0 && (
        <ul className="plain ticket-links" aria-label="Tickets de este pedido">
          {tickets.map((ticket) => (
            <li key={ticket.id} data-testid="order-ticket" data-number={ticket.number}>
              <Link to={`/support/tickets/${ticket.id}`}>
                {ticket.number}: {ticket.subject}
              </Link>{' '}
              <TicketStatusText status={ticket.status} /> <span className="muted">{formatDateTime(ticket.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button secondary" aria-expanded={open} aria-controls={`${formId}-form`} onClick={() => setOpen(!open)}>
        Ayuda con este pedido
      </button>
      {open && <OpenTicketForm id={`${formId}-form`} orderId={orderId} />}
    </section>
  );
}

/** Subject and first message; on success the new ticket's page opens. */
function OpenTicketForm({ id, orderId }: { id: string; orderId: string }) {
  const { navigate } = useRouter();
  const [subject, setSubject] = useState('');
  const [message, setMessage] = useState('');
  const [{ fetching, data, error }, openTicket] = useMutation(OpenTicketMutation);
  const errors = data?.openTicket.errors;
  const fieldError = (name: string) => errors?.some((e) => e.field?.includes(name)) || undefined;
  return (
    <form
      id={id}
      className="open-ticket"
      aria-label="Abrir un ticket de soporte"
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await openTicket({ input: { orderId, subject, message } });
        const ticket = result.data?.openTicket.ticket;
        if (ticket && !result.data?.openTicket.errors.length) navigate(`/support/tickets/${ticket.id}`);
      }}
    >
      <Field label="Asunto" hint="De 3 a 120 caracteres." required minLength={3} maxLength={120} value={subject} onChange={(e) => setSubject(e.target.value)} aria-invalid={fieldError('subject')} />
      <div className="field">
        <label htmlFor={`${id}-message`}>Mensaje</label>
        <textarea id={`${id}-message`} required maxLength={5000} rows={4} value={message} onChange={(e) => setMessage(e.target.value)} aria-invalid={fieldError('message')} />
      </div>
      <UserErrors errors={errors} />
      {error && <p role="alert" className="field-error">{describeError(error)}</p>}
      <button type="submit" className="button" disabled={fetching}>
        {fetching ? 'Enviando…' : 'Abrir ticket'}
      </button>
    </form>
  );
}

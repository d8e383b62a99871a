import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { ReplyToTicketMutation } from '../../operations/support';
import type { TicketDetailFragment } from '../../gql/graphql';
import { UserErrors, describeError } from '../../components/states';
import { formatDateTime } from '../../lib/dates';

/**
 * A ticket's messages, oldest first. A log region: a message that arrives live (ticketUpdated) is read out
 * politely. Authors are named from the ticket (its customer, or the shop for staff), never looked up.
 */
export function TicketThread({ ticket, viewerId }: { ticket: TicketDetailFragment; viewerId: string | undefined }) {
  const who = (message: TicketDetailFragment['messages'][number]) => {
    if (message.byStaff) return 'Equipo de Artesanías Bogotá';
    return message.author.id === viewerId ? 'Tú' : ticket.customer.name;
  };
  return (
    <section aria-labelledby="thread-heading">
      <h2 id="thread-heading">Mensajes</h2>
      <div role="log" aria-label="Mensajes del ticket" data-testid="ticket-thread">
        <ol className="plain thread">
          {ticket.messages.map((message) => (
            <li key={message.id} className={`message${message.byStaff ? ' staff' : ''}`} data-testid="ticket-message" data-by-staff={message.byStaff}>
              <p className="message-meta">
                <strong>{who(message)}</strong> ·{' '}
                <time className="muted" dateTime={message.createdAt}>
                  {formatDateTime(message.createdAt)}
                </time>
              </p>
              <p className="message-body">{message.body}</p>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}

/** Adds a message to the thread; the answer (and ticketUpdated) bring it into the cached ticket. */
export function ReplyForm({ ticketId, label = 'Tu respuesta' }: { ticketId: string; label?: string }) {
  const id = useId();
  const [message, setMessage] = useState('');
  const [{ fetching, data, error }, reply] = useMutation(ReplyToTicketMutation);
  return (
    <form
      className="panel reply-form"
      aria-label="Responder"
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await reply({ ticketId, message });
        if (result.data?.replyToTicket.ticket && !result.data.replyToTicket.errors.length) setMessage('');
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-message`}>{label}</label>
        <textarea id={`${id}-message`} required maxLength={5000} rows={4} value={message} onChange={(e) => setMessage(e.target.value)} />
      </div>
      <UserErrors errors={data?.replyToTicket.errors} />
      {error && <p role="alert" className="field-error">{describeError(error)}</p>}
      <button type="submit" className="button" disabled={fetching || !message.trim()}>
        {fetching ? 'Enviando…' : 'Enviar respuesta'}
      </button>
    </form>
  );
}

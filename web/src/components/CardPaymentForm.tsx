import { useState } from 'react';
import { useMutation } from 'urql';
import { PayOrderMutation } from '../operations/checkout';
import { newIdempotencyKey } from '../lib/ids';
import { Field } from './Field';
import { UserErrors, describeError } from './states';

const TEST_CARDS = [
  { number: '4242 4242 4242 4242', outcome: 'aprobada' },
  { number: '4000 0000 0000 0002', outcome: 'rechazada (CARD_DECLINED)' },
  { number: '4000 0000 0000 9995', outcome: 'fondos insuficientes (INSUFFICIENT_FUNDS)' },
  // The simulated provider takes a few seconds (3 by default) to authorize it: the stepper shows each step.
  { number: '4000 0000 0000 0077', outcome: 'aprobada tras unos segundos de espera (pago lento)' },
];

function nextYear() {
  return String((new Date().getFullYear() + 2) % 100).padStart(2, '0');
}

/** The card form. Every submit is a new payment attempt (a new idempotency key); a declined card can be retried. */
export function CardPaymentForm({ orderId, retry }: { orderId: string; retry: boolean }) {
  const [number, setNumber] = useState('');
  const [expiry, setExpiry] = useState(`12/${nextYear()}`);
  const [cvc, setCvc] = useState('');
  const [{ fetching, data, error }, payOrder] = useMutation(PayOrderMutation);
  return (
    <form
      className="card-form"
      aria-labelledby="pay-heading"
      onSubmit={(event) => {
        event.preventDefault();
        const [month = '', year = ''] = expiry.split('/').map((part) => part.trim());
        void payOrder({
          input: {
            orderId,
            method: 'CARD',
            card: { number: number.replace(/\s+/g, ''), expMonth: Number(month), expYear: 2000 + Number(year.slice(-2)), cvc },
            idempotencyKey: newIdempotencyKey('pay'),
          },
        });
      }}
    >
      <h2 id="pay-heading">{retry ? 'Intenta de nuevo con otra tarjeta' : 'Pagar con tarjeta'}</h2>
      <Field
        label="Número de tarjeta"
        name="cardnumber"
        autoComplete="cc-number"
        inputMode="numeric"
        required
        value={number}
        onChange={(e) => setNumber(e.target.value)}
        hint={
          <>
            Tarjetas de prueba:{' '}
            {TEST_CARDS.map((card, i) => (
              <span key={card.number}>
                {i > 0 && '; '}
                <button type="button" className="button link inline" onClick={() => setNumber(card.number)}>
                  {card.number}
                </button>{' '}
                {card.outcome}
              </span>
            ))}
            .
          </>
        }
      />
      <div className="row">
        <Field label="Vence (MM/AA)" name="exp" autoComplete="cc-exp" inputMode="numeric" pattern="\d{1,2}\s*/\s*\d{2,4}" required value={expiry} onChange={(e) => setExpiry(e.target.value)} />
        <Field label="CVC" name="cvc" autoComplete="cc-csc" inputMode="numeric" pattern="\d{3,4}" required value={cvc} onChange={(e) => setCvc(e.target.value)} />
      </div>
      <UserErrors errors={data?.payOrder.errors} />
      {error && (
        <p role="alert" className="field-error">
          No pudimos enviar el pago. {describeError(error)}
        </p>
      )}
      <button type="submit" className="button" disabled={fetching}>
        {fetching ? 'Enviando…' : retry ? 'Reintentar pago' : 'Pagar'}
      </button>
    </form>
  );
}

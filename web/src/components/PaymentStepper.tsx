import type { PaymentStatus } from '../gql/graphql';
import { failureReasonText, paymentStatusLabel } from '../lib/labels';

const STEPS: PaymentStatus[] = ['PENDING', 'AUTHORIZED', 'CAPTURED'];

/** PENDING -> AUTHORIZED -> CAPTURED, moved by paymentStatusChanged; a failure marks the step where it stopped. */
export function PaymentStepper({ payment }: { payment: { status: PaymentStatus; failureReason: string | null; cardLast4: string | null } }) {
  // A failed attempt got past PENDING and stopped at authorization (the provider's answer).
  const reached = payment.status === 'FAILED' ? 1 : payment.status === 'REFUNDED' ? STEPS.length - 1 : STEPS.indexOf(payment.status);
  return (
    <div className="payment-stepper" data-testid="payment-stepper" data-status={payment.status}>
      <ol aria-label="Estado del pago">
        {STEPS.map((step, i) => {
          const state = payment.status === 'FAILED' && i === reached ? 'failed' : i < reached || (i === reached && step === 'CAPTURED') ? 'done' : i === reached ? 'current' : 'todo';
          return (
            <li key={step} className={`step step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="step-dot" aria-hidden="true">
                {state === 'done' ? '✓' : state === 'failed' ? '✕' : i + 1}
              </span>
              <span>{state === 'failed' ? paymentStatusLabel.FAILED : paymentStatusLabel[step]}</span>
            </li>
          );
        })}
      </ol>
      <p role="status" aria-live="polite" className="payment-status-text">
        {payment.status === 'FAILED' ? (
          <span data-testid="payment-failure">{failureReasonText(payment.failureReason)}</span>
        ) : (
          <>
            Pago {paymentStatusLabel[payment.status].toLowerCase()}
            {payment.cardLast4 ? ` · tarjeta terminada en ${payment.cardLast4}` : ''}
          </>
        )}
      </p>
    </div>
  );
}

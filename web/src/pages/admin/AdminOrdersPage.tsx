import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { OrderQuery } from '../../operations/orders';
import type { OrderDetailFragment } from '../../gql/graphql';
import { AdvanceOrderMutation, CancelOrderMutation } from '../../operations/checkout';
import { OrderStatusChangedSubscription, PaymentStatusChangedSubscription } from '../../operations/live';
import { useRouter } from '../../app/router';
import { PageHeading } from '../../components/PageHeading';
import { Field } from '../../components/Field';
import { OrderSummary } from '../../components/OrderSummary';
import { PaymentStepper } from '../../components/PaymentStepper';
import { Empty, ErrorState, Loading, UserErrors, describeError } from '../../components/states';
import { RequireSignIn } from '../../components/RequireSignIn';
import { useLive } from '../../hooks';

/**
 * Operators open an order by its id (from the customer, an email or the logs) and move it along:
 * ship, deliver, or cancel with a refund. The API has no list of every order yet (Query.order only).
 */
export function AdminOrdersPage() {
  const { location, navigate } = useRouter();
  const id = location.search.get('id') ?? '';
  const [draft, setDraft] = useState(id);
  return (
    <RequireSignIn role="ADMIN">
      <PageHeading>Pedidos (administración)</PageHeading>
      <form
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          navigate(`/admin/orders?id=${encodeURIComponent(draft.trim())}`, { replace: true });
        }}
      >
        <Field label="ID del pedido" required value={draft} onChange={(e) => setDraft(e.target.value)} hint="El identificador del pedido, tal como aparece en su dirección /orders/…" />
        <button type="submit" className="button">
          Abrir
        </button>
      </form>
      {id && <AdminOrder id={id} />}
    </RequireSignIn>
  );
}

function AdminOrder({ id }: { id: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: OrderQuery, variables: { id } });
  useLive(OrderStatusChangedSubscription, { orderId: id });
  useLive(PaymentStatusChangedSubscription, { orderId: id });
  if (!data && fetching) return <Loading label="Cargando pedido…" />;
  if (!data) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!data.order) return <Empty><p>No existe un pedido con ese ID.</p></Empty>;
  const order = data.order;
  return (
    <section className="panel" aria-label={`Pedido ${order.number}`}>
      <h2>Pedido {order.number}</h2>
      {order.payment && <PaymentStepper payment={order.payment} />}
      <OrderActions order={order} />
      <OrderSummary order={order} />
    </section>
  );
}

/** Only the moves the order state machine allows are offered; the server still checks (INVALID_TRANSITION). */
function OrderActions({ order }: { order: OrderDetailFragment }) {
  const [advancing, advanceOrder] = useMutation(AdvanceOrderMutation);
  const [cancelling, cancelOrder] = useMutation(CancelOrderMutation);
  const busy = advancing.fetching || cancelling.fetching;
  const refunds = order.status === 'PAID';
  return (
    <div className="actions" role="group" aria-label="Acciones">
      {order.status === 'PAID' && (
        <button type="button" className="button" disabled={busy} onClick={() => advanceOrder({ id: order.id, status: 'SHIPPED' })}>
          Marcar como enviado
        </button>
      )}
      {order.status === 'SHIPPED' && (
        <button type="button" className="button" disabled={busy} onClick={() => advanceOrder({ id: order.id, status: 'DELIVERED' })}>
          Marcar como entregado
        </button>
      )}
      {(order.status === 'AWAITING_PAYMENT' || order.status === 'PAID') && (
        <button
          type="button"
          className="button danger"
          disabled={busy}
          onClick={() => {
            if (window.confirm(refunds ? `¿Cancelar ${order.number} y reembolsar el pago?` : `¿Cancelar ${order.number}?`)) void cancelOrder({ id: order.id });
          }}
        >
          {refunds ? 'Cancelar y reembolsar' : 'Cancelar pedido'}
        </button>
      )}
      <UserErrors errors={advancing.data?.advanceOrder.errors ?? cancelling.data?.cancelOrder.errors} />
      {(advancing.error || cancelling.error) && <p role="alert" className="field-error">{describeError((advancing.error ?? cancelling.error)!)}</p>}
    </div>
  );
}

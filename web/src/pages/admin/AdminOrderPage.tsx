import { useMutation, useQuery } from 'urql';
import { AdminAdvanceOrderMutation, AdminCancelOrderMutation, AdminOrderQuery } from '../../operations/admin';
import type { OrderDetailFragment } from '../../gql/graphql';
import { OrderStatusChangedSubscription, PaymentStatusChangedSubscription } from '../../operations/live';
import { Link } from '../../app/router';
import { OrderSummary } from '../../components/OrderSummary';
import { OrderShipments } from '../../components/OrderShipments';
import { PaymentStepper } from '../../components/PaymentStepper';
import { Empty, ErrorState, Loading, UserErrors, describeError, failureOf } from '../../components/states';
import { useLive } from '../../hooks';
import { AdminSection } from './AdminSection';
import { OrderHistory } from './OrderHistory';

/** One order for an operator: lines, payments, its full history, and the moves the order's state allows. */
export function AdminOrderPage({ id }: { id: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminOrderQuery, variables: { id } });
  useLive(OrderStatusChangedSubscription, { orderId: id });
  useLive(PaymentStatusChangedSubscription, { orderId: id });
  const order = data?.order;
  // null for an id no order has; an address that is no order id at all (BAD_USER_INPUT) is the same to the operator.
  const missing = data ? !order : ['not-found', 'bad-input'].includes(failureOf(error));
  let body;
  if (!data && fetching) body = <Loading label="Cargando pedido…" />;
  else if (missing)
    body = (
      <Empty>
        <p>No existe un pedido con ese identificador.</p>
        <Link to="/admin/orders">Ver todos los pedidos</Link>
      </Empty>
    );
  else if (!order) body = <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  else
    body = (
      <>
        <p className="muted">
          {order.customer.email ?? order.customer.name} ·{' '}
          <Link to={`/admin/orders?customer=${encodeURIComponent(order.customer.id)}`}>Otros pedidos de {order.customer.name}</Link>
        </p>
        <OrderActions order={order} />
        {order.payment && <PaymentStepper payment={order.payment} />}
        <OrderSummary order={order} />
        {order.shippingCost && <OrderShipments orderId={order.id} orderStatus={order.status} />}
        <OrderHistory history={order.history} />
        <p>
          <Link to="/admin/orders">← Todos los pedidos</Link>
        </p>
      </>
    );
  return <AdminSection title={order ? `Pedido ${order.number}` : 'Pedido'}>{body}</AdminSection>;
}

/** Only the moves the order state machine allows are offered; the server still checks (INVALID_TRANSITION). */
function OrderActions({ order }: { order: OrderDetailFragment }) {
  const [advancing, advanceOrder] = useMutation(AdminAdvanceOrderMutation);
  const [cancelling, cancelOrder] = useMutation(AdminCancelOrderMutation);
  const busy = advancing.fetching || cancelling.fetching;
  const refunds = order.status === 'PAID';
  const failure = advancing.error ?? cancelling.error;
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
      {failure && (
        <p role="alert" className="field-error">
          {describeError(failure)}
        </p>
      )}
    </div>
  );
}

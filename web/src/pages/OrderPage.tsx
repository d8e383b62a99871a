import { useCallback, useEffect } from 'react';
import { useMutation, useQuery } from 'urql';
import { OrderQuery } from '../operations/orders';
import type { OrderDetailFragment } from '../gql/graphql';
import { CancelOrderMutation } from '../operations/checkout';
import { OrderStatusChangedSubscription, PaymentStatusChangedSubscription } from '../operations/live';
import { Link } from '../app/router';
import { PageHeading } from '../components/PageHeading';
import { PaymentStepper } from '../components/PaymentStepper';
import { ReservationCountdown } from '../components/ReservationCountdown';
import { CardPaymentForm } from '../components/CardPaymentForm';
import { OrderSummary } from '../components/OrderSummary';
import { OrderShipments } from '../components/OrderShipments';
import { Loading, NotFound, QueryFailure, UserErrors, describeError } from '../components/states';
import { RequireSignIn } from '../components/RequireSignIn';
import { useLive, useRefetchOnReconnect, useSocketConnected } from '../hooks';
import { useSession } from '../app/session';
import { OrderHelp } from './support/OrderHelp';

export function OrderPage({ id }: { id: string }) {
  return (
    <RequireSignIn>
      <OrderView id={id} />
    </RequireSignIn>
  );
}

/** The order, its status and payment moving live (orderStatusChanged, paymentStatusChanged), and payment while it awaits one. */
function OrderView({ id }: { id: string }) {
  const { viewer } = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({ query: OrderQuery, variables: { id } });
  const orderLive = useLive(OrderStatusChangedSubscription, { orderId: id });
  const paymentLive = useLive(PaymentStatusChangedSubscription, { orderId: id });
  const refresh = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);
  useRefetchOnReconnect(refresh);
  const order = data?.order;
  const inFlight = order?.payment && (order.payment.status === 'PENDING' || order.payment.status === 'AUTHORIZED' || (order.payment.status === 'CAPTURED' && order.status === 'AWAITING_PAYMENT'));
  // Safety net only: if the live feed is down (refused, or its socket not connected) while a payment is in flight, poll until it settles.
  const socketConnected = useSocketConnected();
  const liveDown = Boolean(orderLive.error || paymentLive.error) || !socketConnected;
  useEffect(() => {
    if (!inFlight || !liveDown) return;
    const timer = setInterval(refresh, 1500);
    return () => clearInterval(timer);
  }, [inFlight, liveDown, refresh]);

  if (!data && fetching) return <Loading label="Cargando pedido…" />;
  // Someone else's order is null, exactly like one that does not exist: the page does not tell them apart.
  const notFound = (
    <NotFound title="Este pedido no existe">
      <p>No hay un pedido con este enlace entre los tuyos.</p>
      <Link to="/orders">Ver mis pedidos</Link>
    </NotFound>
  );
  if (!data) return <QueryFailure error={error} retry={refresh} notFound={notFound} />;
  if (!order) return notFound;
  return (
    <article className="order-page" data-order-id={order.id}>
      <PageHeading>Pedido {order.number}</PageHeading>
      {order.status === 'PAID' && (
        <p className="success" role="status">
          ¡Gracias! Tu pago fue recibido y preparamos tu pedido.
        </p>
      )}
      {order.payment && <PaymentStepper payment={order.payment} />}
      {order.status === 'AWAITING_PAYMENT' && <AwaitingPayment order={order} />}
      <OrderSummary order={order} />
      {order.shippingCost && <OrderShipments orderId={order.id} orderStatus={order.status} />}
      {/* Tickets are about one's own orders (an admin opening a customer's order here gets no form). */}
      {viewer?.id === order.customer.id && <OrderHelp orderId={order.id} />}
      <p>
        <Link to="/orders">← Mis pedidos</Link>
      </p>
    </article>
  );
}

function AwaitingPayment({ order }: { order: OrderDetailFragment }) {
  const [cancelling, cancelOrder] = useMutation(CancelOrderMutation);
  const paymentBusy = order.payment?.status === 'PENDING' || order.payment?.status === 'AUTHORIZED';
  return (
    <section className="panel" aria-label="Pago">
      {order.reservedUntil && <ReservationCountdown reservedUntil={order.reservedUntil} />}
      {!paymentBusy && <CardPaymentForm orderId={order.id} retry={order.payment?.status === 'FAILED'} />}
      <div className="actions">
        <button type="button" className="button link" disabled={cancelling.fetching || paymentBusy} onClick={() => cancelOrder({ id: order.id })}>
          Cancelar pedido y liberar las unidades
        </button>
      </div>
      <UserErrors errors={cancelling.data?.cancelOrder.errors} />
      {cancelling.error && <p role="alert" className="field-error">{describeError(cancelling.error)}</p>}
    </section>
  );
}

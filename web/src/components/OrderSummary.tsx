import type { OrderDetailFragment } from '../gql/graphql';
import { formatDateTime } from '../lib/dates';
import { OrderStatusText, paymentStatusLabel, failureReasonText, orderChangeReasonText } from '../lib/labels';
import { Link } from '../app/router';
import { Price } from './Price';
import { ResponsiveTable } from './ResponsiveTable';
import { AddressText } from './AddressForm';

/** The lines, total, status and payment history of an order: shared by the shopper's and the admin's views. */
export function OrderSummary({ order }: { order: OrderDetailFragment }) {
  return (
    <>
      <dl className="facts">
        <div>
          <dt>Estado</dt>
          <dd>
            <OrderStatusText status={order.status} />
            {order.cancellationReason && (
              <span className="muted" data-reason={order.cancellationReason}>
                {' '}
                ({orderChangeReasonText(order.cancellationReason)})
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>Fecha</dt>
          <dd>{formatDateTime(order.createdAt)}</dd>
        </div>
        <div>
          <dt>Cliente</dt>
          <dd>{order.customer.name}</dd>
        </div>
        {order.shippingCost && (
          <div>
            <dt>Envío</dt>
            <dd data-testid="order-shipping-cost">
              <Price money={order.shippingCost} />
              {order.shippingMethod && <span className="muted"> · {order.shippingMethod.name} ({order.shippingMethod.carrier})</span>}
            </dd>
          </div>
        )}
        <div>
          <dt>Total</dt>
          <dd data-testid="order-total">
            <Price money={order.total} />
          </dd>
        </div>
      </dl>
      {order.shippingAddress && (
        <section aria-labelledby={`ship-to-${order.id}`} className="panel">
          <h2 id={`ship-to-${order.id}`}>Dirección de envío</h2>
          <AddressText address={order.shippingAddress} />
        </section>
      )}
      <ResponsiveTable
        caption="Productos"
        rows={order.lines}
        rowKey={(line) => line.product.id}
        columns={[
          { header: 'Producto', cell: (line) => <Link to={`/products/${line.product.id}`}>{line.product.name}</Link> },
          { header: 'Cantidad', cell: (line) => line.quantity },
          { header: 'Precio unitario', cell: (line) => <Price money={line.unitPrice} /> },
          { header: 'Subtotal', cell: (line) => <Price money={line.total} /> },
        ]}
      />
      {order.payments.length > 0 && (
        <details className="payments">
          <summary>Intentos de pago ({order.payments.length})</summary>
          <ul>
            {order.payments.map((payment) => (
              <li key={payment.id}>
                {formatDateTime(payment.createdAt)}: {paymentStatusLabel[payment.status]}
                {payment.cardLast4 ? ` · •••• ${payment.cardLast4}` : ''}
                {payment.status === 'FAILED' ? ` · ${failureReasonText(payment.failureReason)}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

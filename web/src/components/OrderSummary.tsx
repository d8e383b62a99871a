import type { OrderDetailFragment } from '../gql/graphql';
import { formatDateTime } from '../lib/dates';
import { OrderStatusText, paymentStatusLabel, failureReasonText, orderChangeReasonText } from '../lib/labels';
import { Link } from '../app/router';
import { Price } from './Price';

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
        <div>
          <dt>Total</dt>
          <dd>
            <Price money={order.total} />
          </dd>
        </div>
      </dl>
      <table className="summary responsive">
        <caption>Productos</caption>
        <thead>
          <tr>
            <th scope="col">Producto</th>
            <th scope="col">Cantidad</th>
            <th scope="col">Precio unitario</th>
            <th scope="col">Subtotal</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.product.id}>
              <td data-label="Producto">
                <Link to={`/products/${line.product.id}`}>{line.product.name}</Link>
              </td>
              <td data-label="Cantidad">{line.quantity}</td>
              <td data-label="Precio unitario">
                <Price money={line.unitPrice} />
              </td>
              <td data-label="Subtotal">
                <Price money={line.total} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
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

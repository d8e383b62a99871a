import type { OrderHistoryFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/dates';
import { OrderStatusText } from '../../lib/labels';

/** Why a status changed, in the operator's words; the API's reason codes are listed on OrderStatusChange.reason. */
const REASONS: Record<string, string> = {
  PLACED: 'El cliente hizo el pedido',
  PAYMENT_CAPTURED: 'Pago cobrado',
  SHIPPED: 'Enviado por un administrador',
  DELIVERED: 'Entregado, según un administrador',
  CUSTOMER: 'Cancelado por el cliente',
  ADMIN: 'Cancelado por un administrador',
  EXPIRED: 'La reserva venció sin pago',
};

export const reasonText = (reason: string | null | undefined) => (reason ? (REASONS[reason] ?? reason) : '—');

/** Every status change of an order, oldest first: when, from, to, who and why. */
export function OrderHistory({ history }: { history: OrderHistoryFragment['history'] }) {
  return (
    <table className="summary responsive" data-testid="order-history">
      <caption>Historial</caption>
      <thead>
        <tr>
          <th scope="col">Fecha</th>
          <th scope="col">De</th>
          <th scope="col">A</th>
          <th scope="col">Quién</th>
          <th scope="col">Motivo</th>
        </tr>
      </thead>
      <tbody>
        {history.map((change, i) => (
          <tr key={i} data-testid="history-entry" data-to={change.to}>
            <td data-label="Fecha">{formatDateTime(change.at)}</td>
            <td data-label="De">{change.from ? <OrderStatusText status={change.from} /> : '—'}</td>
            <td data-label="A">
              <OrderStatusText status={change.to} />
            </td>
            <td data-label="Quién">{change.by?.name ?? 'El sistema'}</td>
            <td data-label="Motivo">{reasonText(change.reason)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

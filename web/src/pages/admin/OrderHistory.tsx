import type { OrderHistoryFragment } from '../../gql/graphql';
import { formatDateTime } from '../../lib/dates';
import { OrderStatusText } from '../../lib/labels';
import { ResponsiveTable } from '../../components/ResponsiveTable';

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
    <ResponsiveTable
      caption="Historial"
      testId="order-history"
      rows={history}
      rowKey={(_, index) => index}
      rowData={(change) => ({ 'data-testid': 'history-entry', 'data-to': change.to })}
      columns={[
        { header: 'Fecha', cell: (change) => formatDateTime(change.at) },
        { header: 'De', cell: (change) => (change.from ? <OrderStatusText status={change.from} /> : '—') },
        { header: 'A', cell: (change) => <OrderStatusText status={change.to} /> },
        { header: 'Quién', cell: (change) => change.by?.name ?? 'El sistema' },
        { header: 'Motivo', cell: (change) => reasonText(change.reason) },
      ]}
    />
  );
}

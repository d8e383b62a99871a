import type { OrderStatus, PaymentStatus, ProductStatus, StockMovementReason } from '../gql/graphql';
import { errorMessage, isKnownErrorCode } from './error-messages';

/** Spanish labels for the enums the shopper sees; the enum value stays in a data attribute for tests and tools. */
export const orderStatusLabel: Record<OrderStatus, string> = {
  AWAITING_PAYMENT: 'Esperando pago',
  PAID: 'Pagado',
  SHIPPED: 'Enviado',
  DELIVERED: 'Entregado',
  CANCELLED: 'Cancelado',
};

export const paymentStatusLabel: Record<PaymentStatus, string> = {
  PENDING: 'Pendiente',
  AUTHORIZED: 'Autorizado',
  CAPTURED: 'Cobrado',
  FAILED: 'Rechazado',
  REFUNDED: 'Reembolsado',
};

export const productStatusLabel: Record<ProductStatus, string> = { DRAFT: 'Borrador', ACTIVE: 'Activo', ARCHIVED: 'Archivado' };

export const movementReasonLabel: Record<StockMovementReason, string> = { RESTOCK: 'Reabastecimiento', ADJUSTMENT: 'Ajuste', SALE: 'Venta', RETURN: 'Devolución' };

/**
 * Why an order changed status (Order.cancellationReason, OrderStatusChange.reason): the orders subgraph's reasons
 * (subgraphs/orders/src/contract.ts CANCELLATION_REASONS, domain/transitions.ts), in words; an unknown one as it came.
 */
const orderChangeReasons: Record<string, string> = {
  PLACED: 'pedido realizado',
  PAYMENT_CAPTURED: 'pago recibido',
  SHIPPED: 'enviado por la tienda',
  DELIVERED: 'entregado',
  EXPIRED: 'la reserva venció sin pago',
  CUSTOMER: 'cancelado por el cliente',
  ADMIN: 'cancelado por la tienda',
};
export const orderChangeReasonText = (reason: string): string => (Object.hasOwn(orderChangeReasons, reason) ? orderChangeReasons[reason]! : reason);

/** Why a payment failed, in the shopper's words by code; the code follows in parentheses for support. */
export function failureReasonText(reason: string | null | undefined): string {
  if (!reason) return 'El pago no se pudo completar.';
  return isKnownErrorCode(reason) ? `${errorMessage(reason).replace(/\.$/, '')} (${reason}).` : `El pago no se pudo completar (${reason}).`;
}

export function OrderStatusText({ status }: { status: OrderStatus }) {
  return (
    <span className={`status status-${status.toLowerCase()}`} data-testid="order-status" data-status={status}>
      {orderStatusLabel[status]}
    </span>
  );
}

import type { OrderStatus, PaymentStatus, ProductStatus, StockMovementReason } from '../gql/graphql';

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

/** Why a payment failed, in the shopper's words; unknown codes fall back to the code itself. */
export function failureReasonText(reason: string | null | undefined): string {
  switch (reason) {
    case 'CARD_DECLINED':
      return 'El banco rechazó la tarjeta (CARD_DECLINED).';
    case 'INSUFFICIENT_FUNDS':
      return 'La tarjeta no tiene fondos suficientes (INSUFFICIENT_FUNDS).';
    case null:
    case undefined:
      return 'El pago no se pudo completar.';
    default:
      return `El pago no se pudo completar (${reason}).`;
  }
}

export function OrderStatusText({ status }: { status: OrderStatus }) {
  return (
    <span className={`status status-${status.toLowerCase()}`} data-testid="order-status" data-status={status}>
      {orderStatusLabel[status]}
    </span>
  );
}

import type { NotificationKind, OrderStatus, PaymentStatus, ProductStatus, ReorderStatus, ShipmentStatus, StockMovementReason, TicketPriority, TicketStatus, WarehouseKind } from '../gql/graphql';
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

export const movementReasonLabel: Record<StockMovementReason, string> = { RESTOCK: 'Reabastecimiento', ADJUSTMENT: 'Ajuste', SALE: 'Venta', RETURN: 'Devolución', TRANSFER: 'Traslado' };

export const shipmentStatusLabel: Record<ShipmentStatus, string> = { LABEL_CREATED: 'Guía creada', IN_TRANSIT: 'En camino', DELIVERED: 'Entregado' };

export const reorderStatusLabel: Record<ReorderStatus, string> = { DRAFT: 'Borrador', SENT: 'Enviado al proveedor', RECEIVED: 'Recibido', CANCELLED: 'Cancelado' };

export const warehouseKindLabel: Record<WarehouseKind, string> = { WAREHOUSE: 'Bodega', STORE: 'Tienda física' };

export const ticketStatusLabel: Record<TicketStatus, string> = { OPEN: 'Abierto', IN_PROGRESS: 'En curso', RESOLVED: 'Resuelto', CLOSED: 'Cerrado' };

/** A ticket's priority; null until the assignment worker has triaged it. */
export const ticketPriorityLabel: Record<TicketPriority, string> = { LOW: 'Baja', NORMAL: 'Normal', HIGH: 'Alta', URGENT: 'Urgente' };
export const priorityText = (priority: TicketPriority | null | undefined): string => (priority ? ticketPriorityLabel[priority] : 'Sin clasificar');

/** What each kind of notification is about, in the words of the feed and the profile's preferences. */
export const notificationKindLabel: Record<NotificationKind, string> = {
  ORDER_PLACED: 'Pedido realizado',
  ORDER_PAID: 'Pedido pagado',
  ORDER_SHIPPED: 'Pedido enviado',
  ORDER_DELIVERED: 'Pedido entregado',
  ORDER_CANCELLED: 'Pedido cancelado',
  PAYMENT_FAILED: 'Pago rechazado',
  LOW_STOCK: 'Pocas existencias',
  SOLD_OUT: 'Producto agotado',
  TICKET_OPENED: 'Ticket de soporte abierto',
  TICKET_REPLIED: 'Respuesta en un ticket',
  TICKET_STATUS_CHANGED: 'Cambio de estado de un ticket',
  BACK_IN_STOCK: 'Un favorito volvió a estar disponible',
  REORDER_SUGGESTED: 'Pedido al proveedor sugerido',
};

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

export function TicketStatusText({ status }: { status: TicketStatus }) {
  return (
    <span className={`status ticket-status-${status.toLowerCase()}`} data-testid="ticket-status" data-status={status}>
      {ticketStatusLabel[status]}
    </span>
  );
}

export function TicketPriorityText({ priority }: { priority: TicketPriority | null | undefined }) {
  return (
    <span className={`badge priority-${(priority ?? 'none').toLowerCase()}`} data-testid="ticket-priority" data-priority={priority ?? ''}>
      {priorityText(priority)}
    </span>
  );
}

export function ShipmentStatusText({ status }: { status: ShipmentStatus }) {
  return (
    <span className={`status shipment-status-${status.toLowerCase()}`} data-testid="shipment-status" data-status={status}>
      {shipmentStatusLabel[status]}
    </span>
  );
}

export function ReorderStatusText({ status }: { status: ReorderStatus }) {
  return (
    <span className={`status reorder-status-${status.toLowerCase()}`} data-testid="reorder-status" data-status={status}>
      {reorderStatusLabel[status]}
    </span>
  );
}

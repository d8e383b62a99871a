/**
 * What the shopper reads for each error code the API can send. The server's messages are English, for developers;
 * the storefront shows these instead. The codes come, as types, from the modules that declare them, so a code added
 * there and missing here is a TypeScript error (and web/test/error-messages.test.ts checks the same at run time).
 * Type-only imports: nothing of the servers reaches the bundle.
 */
import type { ClientErrorCode, MASKED_ERROR_CODE } from '../../../packages/server/src/error-codes.ts';
import type { UsersErrorCode } from '../../../subgraphs/users/src/errors.ts';
import type { ProductsErrorCode } from '../../../subgraphs/products/src/errors.ts';
import type { InventoryErrorCode } from '../../../subgraphs/inventory/src/errors.ts';
import type { OrdersErrorCode } from '../../../subgraphs/orders/src/errors.ts';
import type { FailureReason, PaymentsErrorCode } from '../../../subgraphs/payments/src/errors.ts';
import type { SupportErrorCode } from '../../../subgraphs/support/src/errors.ts';
import type { NotificationsErrorCode } from '../../../subgraphs/notifications/src/errors.ts';
import type { AssistantErrorCode } from '../../../subgraphs/assistant/src/errors.ts';
import type { ShippingErrorCode } from '../../../subgraphs/shipping/src/errors.ts';
import type { PurchasingErrorCode } from '../../../subgraphs/purchasing/src/errors.ts';
import { formatWait } from './plurals';

/** The values of each object of a union (distributive: keyof a union would keep only the keys all share). */
type ValueOf<T> = T extends unknown ? T[keyof T] : never;

/** Codes of a mutation payload's errors (UserError.code). */
export type UserErrorCode = ValueOf<typeof UsersErrorCode | typeof ProductsErrorCode | typeof InventoryErrorCode | typeof OrdersErrorCode | typeof PaymentsErrorCode | typeof SupportErrorCode | typeof NotificationsErrorCode | typeof AssistantErrorCode | typeof ShippingErrorCode | typeof PurchasingErrorCode>;
/** Codes of GraphQL errors (extensions.code): the kernel's list for subgraphs and gateway, and the masked one. */
export type GraphQLErrorCode = ClientErrorCode | typeof MASKED_ERROR_CODE;
/** Why a payment failed (Payment.failureReason). */
export type PaymentFailureCode = ValueOf<typeof FailureReason>;
export type ApiErrorCode = UserErrorCode | GraphQLErrorCode | PaymentFailureCode;

/** What the server said besides the code: the input field at fault, how long to wait. */
export interface ErrorContext {
  field?: readonly string[] | null;
  retryAfterSeconds?: number | null;
}

type Message = string | ((context: ErrorContext) => string);

/** Input fields as the shopper or seller knows them, with what a valid value looks like. */
const FIELDS: Record<string, string> = {
  email: 'el correo: debe ser una dirección de correo válida',
  password: 'la contraseña: debe tener entre 8 y 128 caracteres',
  name: 'el nombre',
  roles: 'los roles de la cuenta',
  number: 'el número de la tarjeta: de 12 a 19 dígitos',
  expMonth: 'la fecha de vencimiento: la tarjeta no puede estar vencida',
  expYear: 'la fecha de vencimiento: la tarjeta no puede estar vencida',
  cvc: 'el CVC: 3 o 4 dígitos',
  card: 'los datos de la tarjeta',
  method: 'el medio de pago',
  price: 'el precio: mayor que 0, con hasta 15 dígitos y 2 decimales',
  costPrice: 'el costo: 0 o más, con hasta 12 dígitos y 2 decimales',
  currency: 'la moneda: un código de 3 letras, como COP',
  sku: 'el SKU: letras, dígitos, - y _ (hasta 64)',
  description: 'la descripción (hasta 5.000 caracteres)',
  status: 'el estado',
  categoryId: 'la categoría',
  quantity: 'la cantidad: un número entero desde 1',
  delta: 'la cantidad del ajuste',
  reason: 'el motivo',
  warehouseId: 'la bodega',
  productId: 'el producto',
  orderId: 'el pedido',
  lines: 'los productos del pedido',
  search: 'la búsqueda (hasta 200 caracteres)',
  first: 'el tamaño de la página',
  after: 'la página pedida',
  id: 'el identificador',
  subject: 'el asunto: de 3 a 120 caracteres',
  message: 'el mensaje: de 1 a 5.000 caracteres',
  ticketId: 'el ticket',
  threshold: 'el umbral: un número entero de 0 a 1.000.000',
  ids: 'las notificaciones (hasta 100 a la vez)',
  kind: 'el tipo de notificación',
  question: 'la pregunta: de 1 a 500 caracteres',
  conversationId: 'la conversación',
  recipient: 'quién recibe',
  line1: 'la dirección',
  line2: 'el complemento de la dirección',
  city: 'la ciudad o municipio',
  region: 'el departamento',
  postalCode: 'el código postal',
  country: 'el país',
  phone: 'el teléfono',
  shippingAddressId: 'la dirección de envío',
  shippingMethodId: 'el método de envío',
  weightGrams: 'el peso: un número entero de gramos, de 1 a 1.000.000',
  contactEmail: 'el correo del proveedor',
  leadTimeDays: 'el tiempo de entrega: de 0 a 365 días',
  supplierId: 'el proveedor',
  fromWarehouseId: 'la bodega de origen',
  toWarehouseId: 'la bodega de destino',
  idempotencyKey: 'la venta: vuelve a intentarlo',
  imageId: 'la foto',
};

/** "Revisa el correo: …" for the deepest named field of the path (indexes skipped); a general sentence without one. */
function checkInput(context: ErrorContext): string {
  const name = [...(context.field ?? [])].reverse().find((part) => FIELDS[part]);
  return name ? `Revisa ${FIELDS[name]}.` : 'Revisa los datos ingresados: alguno no es válido.';
}

const RELOAD = 'Recarga la página e inténtalo de nuevo; si sigue pasando, avísanos.';
const TOO_LARGE = `La consulta es demasiado grande para el servidor. ${RELOAD}`;
const STOREFRONT_OUTDATED = `Esta versión de la tienda no coincide con la del servidor. ${RELOAD}`;

const MESSAGES: Record<ApiErrorCode, Message> = {
  // Payload errors (UserError.code).
  INVALID_INPUT: checkInput,
  NOT_FOUND: 'No encontramos lo que buscas: puede que ya no exista.',
  FORBIDDEN: 'Tu cuenta no tiene permiso para hacer esto.',
  EMAIL_TAKEN: 'Ya existe una cuenta con ese correo. Inicia sesión o usa otro correo.',
  INVALID_CREDENTIALS: 'El correo o la contraseña no son correctos.',
  SKU_TAKEN: 'Ya existe un producto con ese SKU; usa otro.',
  INSUFFICIENT_STOCK: 'No hay suficientes unidades sin reservar en esta bodega para retirar esa cantidad.',
  INVALID_TRANSITION: 'Esto ya no se puede hacer en su estado actual (del pedido, el pago, el envío o el pedido al proveedor). Recarga la página para ver cómo va.',
  OUT_OF_STOCK: 'No hay unidades suficientes de este producto.',
  NOT_PURCHASABLE: 'Este producto no se puede comprar por ahora: no tiene un precio válido.',
  SERVICE_UNAVAILABLE: 'Un servicio de la tienda no responde en este momento. Inténtalo de nuevo en unos segundos.',
  PAYMENT_IN_PROGRESS: 'Ya hay un pago en curso para este pedido; espera a que termine.',
  ORDER_NOT_PAYABLE: 'Este pedido no tiene nada que cobrar: su total no es mayor que 0.',
  TICKET_CLOSED: 'Este ticket está cerrado y ya no recibe mensajes. Si necesitas más ayuda, abre uno nuevo desde el pedido.',
  TOO_MANY_OPEN_TICKETS: 'Tienes demasiados tickets sin cerrar. Cierra los que ya estén resueltos para abrir otro.',
  PAYLOAD_TOO_LARGE: 'La imagen pesa demasiado. Sube una más liviana.',
  UNSUPPORTED_MEDIA_TYPE: 'Ese tipo de archivo no se admite: sube una foto JPEG, PNG o WebP.',
  INVALID_IMAGE: 'El archivo no es una imagen que podamos leer. Prueba con otra foto.',
  SHIPPING_UNAVAILABLE: 'El envío elegido no llega a esa dirección. Elige otro método de envío u otra dirección.',
  LIMIT_REACHED: 'Llegaste al máximo permitido: elimina uno de los que tienes para agregar otro.',
  // GraphQL errors (extensions.code).
  BAD_USER_INPUT: checkInput,
  UNAUTHENTICATED: 'Tu sesión terminó o no es válida. Inicia sesión de nuevo.',
  RATE_LIMITED: ({ retryAfterSeconds }) =>
    retryAfterSeconds ? `Demasiados intentos seguidos. Espera ${formatWait(retryAfterSeconds)} y vuelve a intentarlo.` : 'Demasiados intentos seguidos. Espera un momento y vuelve a intentarlo.',
  GRAPHQL_PARSE_FAILED: STOREFRONT_OUTDATED,
  GRAPHQL_VALIDATION_FAILED: STOREFRONT_OUTDATED,
  BAD_REQUEST: `El servidor no pudo leer la solicitud. ${RELOAD}`,
  OPERATION_RESOLUTION_FAILURE: STOREFRONT_OUTDATED,
  PERSISTED_QUERY_NOT_FOUND: STOREFRONT_OUTDATED,
  PERSISTED_QUERY_NOT_SUPPORTED: STOREFRONT_OUTDATED,
  PERSISTED_QUERY_NOT_IN_SAFELIST: STOREFRONT_OUTDATED,
  PERSISTED_QUERY_HASH_MISMATCH: STOREFRONT_OUTDATED,
  QUERY_TOO_COMPLEX: TOO_LARGE,
  QUERY_TOO_DEEP: TOO_LARGE,
  TOO_MANY_ALIASES: TOO_LARGE,
  TOO_MANY_ROOT_FIELDS: TOO_LARGE,
  TOO_MANY_DIRECTIVES: TOO_LARGE,
  TOO_MANY_TOKENS: TOO_LARGE,
  INTERNAL_SERVER_ERROR: 'Algo falló de nuestro lado. Inténtalo de nuevo en un momento.',
  // Payment failures (Payment.failureReason).
  CARD_DECLINED: 'El banco rechazó la tarjeta.',
  INSUFFICIENT_FUNDS: 'La tarjeta no tiene fondos suficientes.',
  CARD_DETAILS_MISSING: 'El pago se interrumpió antes de llegar al banco; no se cobró nada. Intenta de nuevo.',
};

/** For a code this storefront does not know yet (a newer server): never the server's English. */
const UNKNOWN = 'Algo salió mal. Inténtalo de nuevo en un momento.';

export const isKnownErrorCode = (code: string): code is ApiErrorCode => Object.hasOwn(MESSAGES, code);

/** The Spanish sentence for an error code, with what the server said about the field or the wait. */
export function errorMessage(code: string | null | undefined, context: ErrorContext = {}): string {
  if (!code || !isKnownErrorCode(code)) return UNKNOWN;
  const message = MESSAGES[code];
  return typeof message === 'string' ? message : message(context);
}

/** A payload's UserError. */
export const userErrorMessage = (error: { code: string; field?: readonly string[] | null }): string => errorMessage(error.code, { field: error.field });

/** A GraphQL error as urql hands it over (extensions.code, .field, .retryAfterSeconds). */
export function graphQLErrorMessage(error: { extensions?: Record<string, unknown> | null }): string {
  const extensions = error.extensions ?? {};
  const field = Array.isArray(extensions.field) ? extensions.field.map(String) : null;
  const retryAfterSeconds = typeof extensions.retryAfterSeconds === 'number' ? extensions.retryAfterSeconds : null;
  return errorMessage(typeof extensions.code === 'string' ? extensions.code : null, { field, retryAfterSeconds });
}

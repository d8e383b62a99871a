import { describe, expect, it } from 'vitest';
import { CLIENT_ERROR_CODES, MASKED_ERROR_CODE } from '../../packages/server/src/error-codes';
import { LIMIT_CODES } from '../../supergraph/src/operation-limits';
import { NOT_IN_SAFELIST } from '../../supergraph/src/persisted-operations/persisted-operations';
import { UsersErrorCode } from '../../subgraphs/users/src/errors';
import { ProductsErrorCode } from '../../subgraphs/products/src/errors';
import { InventoryErrorCode } from '../../subgraphs/inventory/src/errors';
import { OrdersErrorCode } from '../../subgraphs/orders/src/errors';
import { FailureReason, PaymentsErrorCode } from '../../subgraphs/payments/src/errors';
import { SupportErrorCode } from '../../subgraphs/support/src/errors';
import { NotificationsErrorCode } from '../../subgraphs/notifications/src/errors';
import { AssistantErrorCode } from '../../subgraphs/assistant/src/errors';
import { ShippingErrorCode } from '../../subgraphs/shipping/src/errors';
import { PurchasingErrorCode } from '../../subgraphs/purchasing/src/errors';
import { errorMessage, graphQLErrorMessage, isKnownErrorCode, userErrorMessage } from '../src/lib/error-messages';
import { ITEM, ORDER, PRODUCT, UNIT, countOf, formatCount, formatWait, pluralForm } from '../src/lib/plurals';
import { formatDateTime } from '../src/lib/dates';
import { failureReasonText, orderChangeReasonText } from '../src/lib/labels';

/** Every code the API declares, read from the modules that declare them (not a list kept here). */
const declared: Record<string, readonly string[]> = {
  'kernel (GraphQL errors of every subgraph and the gateway)': [...CLIENT_ERROR_CODES, MASKED_ERROR_CODE],
  'gateway operation limits': LIMIT_CODES,
  'gateway persisted operations': [NOT_IN_SAFELIST],
  users: Object.values(UsersErrorCode),
  products: Object.values(ProductsErrorCode),
  inventory: Object.values(InventoryErrorCode),
  orders: Object.values(OrdersErrorCode),
  payments: Object.values(PaymentsErrorCode),
  support: Object.values(SupportErrorCode),
  notifications: Object.values(NotificationsErrorCode),
  assistant: Object.values(AssistantErrorCode),
  shipping: Object.values(ShippingErrorCode),
  purchasing: Object.values(PurchasingErrorCode),
  'payment failure reasons': Object.values(FailureReason),
};

describe('Spanish by error code', () => {
  it.each(Object.entries(declared))('has a message for every code %s declares', (_source, codes) => {
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.filter((code) => !isKnownErrorCode(code))).toEqual([]);
  });

  it('says every declared code in Spanish, never the code or English', () => {
    for (const code of new Set(Object.values(declared).flat())) {
      const text = errorMessage(code);
      expect(text, code).not.toContain(code);
      expect(text, code).toMatch(/[áéíóúñ¿¡]|\b(el|la|los|las|de|que|no|un|una)\b/i);
      expect(text, code).not.toMatch(/\b(the|not|please|try|error)\b/i);
    }
  });

  it('translates the messages that used to reach the storefront in English', () => {
    expect(userErrorMessage({ code: 'INVALID_CREDENTIALS', field: null })).toBe('El correo o la contraseña no son correctos.');
    expect(userErrorMessage({ code: 'INSUFFICIENT_STOCK', field: ['input', 'delta'] })).toBe('No hay suficientes unidades sin reservar en esta bodega para retirar esa cantidad.');
    expect(graphQLErrorMessage({ extensions: { code: 'INTERNAL_SERVER_ERROR' } })).toBe('Algo falló de nuestro lado. Inténtalo de nuevo en un momento.');
  });

  it('names the field an input error is about, by the deepest known part of its path', () => {
    expect(userErrorMessage({ code: 'INVALID_INPUT', field: ['input', 'card', 'expYear'] })).toBe('Revisa la fecha de vencimiento: la tarjeta no puede estar vencida.');
    expect(userErrorMessage({ code: 'INVALID_INPUT', field: ['input', 'lines', '2', 'quantity'] })).toBe('Revisa la cantidad: un número entero desde 1.');
    expect(userErrorMessage({ code: 'INVALID_INPUT', field: ['input', 'password'] })).toBe('Revisa la contraseña: debe tener entre 8 y 128 caracteres.');
    expect(userErrorMessage({ code: 'INVALID_INPUT', field: ['input', 'somethingNew'] })).toBe('Revisa los datos ingresados: alguno no es válido.');
    expect(graphQLErrorMessage({ extensions: { code: 'BAD_USER_INPUT', field: ['email'] } })).toBe('Revisa el correo: debe ser una dirección de correo válida.');
  });

  it('says how long to wait when the server is rate limiting', () => {
    expect(graphQLErrorMessage({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 1 } })).toBe('Demasiados intentos seguidos. Espera 1 segundo y vuelve a intentarlo.');
    expect(graphQLErrorMessage({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 900 } })).toBe('Demasiados intentos seguidos. Espera 15 minutos y vuelve a intentarlo.');
    expect(errorMessage('RATE_LIMITED')).toBe('Demasiados intentos seguidos. Espera un momento y vuelve a intentarlo.');
  });

  it('says why a payment failed or an order changed in words, with the code for support', () => {
    expect(failureReasonText('CARD_DECLINED')).toBe('El banco rechazó la tarjeta (CARD_DECLINED).');
    expect(failureReasonText('SOMETHING_NEW')).toBe('El pago no se pudo completar (SOMETHING_NEW).');
    expect(failureReasonText(null)).toBe('El pago no se pudo completar.');
    expect(orderChangeReasonText('EXPIRED')).toBe('la reserva venció sin pago');
    expect(orderChangeReasonText('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });

  it('answers an unknown or missing code in Spanish too', () => {
    expect(isKnownErrorCode('SOMETHING_NEW')).toBe(false);
    expect(errorMessage('SOMETHING_NEW')).toBe('Algo salió mal. Inténtalo de nuevo en un momento.');
    expect(graphQLErrorMessage({})).toBe('Algo salió mal. Inténtalo de nuevo en un momento.');
    expect(isKnownErrorCode('toString')).toBe(false);
  });
});

describe('plurals, numbers and dates in es-CO', () => {
  it('picks the noun by Intl.PluralRules', () => {
    expect(countOf(1, ITEM)).toBe('1 artículo');
    expect(countOf(2, ITEM)).toBe('2 artículos');
    expect(countOf(0, ITEM)).toBe('0 artículos');
    expect(countOf(1, ORDER)).toBe('1 pedido');
    expect(countOf(12_345, PRODUCT)).toBe('12.345 productos');
    expect(pluralForm(1, UNIT)).toBe('unidad');
    expect(pluralForm(1_000_000, { one: 'unidad', other: 'unidades', many: 'de unidades' })).toBe('de unidades');
    expect(pluralForm(1_000_000, UNIT)).toBe('unidades');
  });

  it('writes numbers, waits and dates the es-CO way', () => {
    expect(formatCount(1234567)).toBe('1.234.567');
    expect(formatWait(45)).toBe('45 segundos');
    expect(formatWait(7200)).toBe('2 horas');
    // Day first, 12-hour clock with "a. m."/"p. m." (in the runtime's time zone, as the shopper's browser shows it).
    expect(formatDateTime('2026-03-15T12:30:00Z')).toMatch(/^1[45]\/03\/2026, \d{1,2}:30\s[ap]\.\s?m\.$/);
  });
});

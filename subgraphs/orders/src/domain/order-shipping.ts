import { fail, ok, type Result, type UserError, userError } from '@shop/common';
import { SubgraphUnavailableError } from '@shop/server';
import type { ShippingQuotes } from '@shop/shipping/quotes';
import type { AddressBook } from '@shop/users/address-book';
import type { AddressRecord } from '@shop/users/contract';
import { OrdersErrorCode } from '../errors.js';
import type { ReservationLine } from '../stock-reservations.js';

/** The shipping an order is placed with: the address as users answered it, the method, and what shipping quoted. */
export interface OrderShipping {
  address: AddressRecord;
  methodId: string;
  costMinor: bigint;
  currency: string;
}

export interface ShippingDeps {
  addresses: AddressBook;
  quotes: ShippingQuotes;
}

/** The shipping subgraph's rates are for Colombian departments only. */
const SHIPPED_COUNTRY = 'CO';

const addressField = ['input', 'shippingAddressId'];
const methodField = ['input', 'shippingMethodId'];

/**
 * Looks the customer's saved address up in users and asks shipping what the method costs for its region and these
 * lines. Nothing is written anywhere: a refusal or an outage here leaves no trace, and placeOrder stops before
 * holding stock.
 */
export async function quoteOrderShipping(
  deps: ShippingDeps,
  customerId: string,
  choice: { addressId: string; methodId: string },
  lines: readonly ReservationLine[],
): Promise<Result<OrderShipping>> {
  try {
    const address = await deps.addresses.findAddress(customerId, choice.addressId);
    if (!address) return fail(userError(OrdersErrorCode.NotFound, 'You have no saved address with this id.', addressField));
    if (address.country !== SHIPPED_COUNTRY) {
      return fail(userError(OrdersErrorCode.ShippingUnavailable, `Shipping delivers in Colombia (${SHIPPED_COUNTRY}) only.`, addressField));
    }
    const outcome = await deps.quotes.quote({ region: address.region, methodId: choice.methodId, lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity })) });
    if (!outcome.ok) return fail(quoteRefusal(outcome.code, address.region));
    return ok({ address, methodId: outcome.quote.method.id, costMinor: BigInt(outcome.quote.costMinor), currency: outcome.quote.currency });
  } catch (error) {
    if (!(error instanceof SubgraphUnavailableError)) throw error;
    return fail(userError(OrdersErrorCode.ServiceUnavailable, 'Shipping cannot be priced right now (users or shipping is not answering); try again shortly.'));
  }
}

function quoteRefusal(code: 'NOT_FOUND' | 'REGION_NOT_SERVED' | 'INVALID_INPUT', region: string): UserError {
  switch (code) {
    case 'NOT_FOUND':
      return userError(OrdersErrorCode.NotFound, 'No shipping method has this id.', methodField);
    case 'REGION_NOT_SERVED':
      return userError(OrdersErrorCode.ShippingUnavailable, `This shipping method does not deliver to ${region}; choose another from shippingQuotes.`, methodField);
    case 'INVALID_INPUT':
      // Shipping knows no department by the address's region: no method delivers there.
      return userError(OrdersErrorCode.ShippingUnavailable, `Shipping does not know the region "${region}"; correct the saved address.`, addressField);
  }
}

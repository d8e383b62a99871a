import { useEffect, useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { CartQuery } from '../operations/cart';
import { PlaceOrderMutation } from '../operations/checkout';
import { MyAddressesQuery, ShippingQuotesQuery } from '../operations/addresses';
import type { AddressFieldsFragment, ShippingQuotesQuery as ShippingQuotesData } from '../gql/graphql';
import { AddressBook } from '../components/AddressBook';
import { Link, useRouter } from '../app/router';
import { PageHeading } from '../components/PageHeading';
import { Price } from '../components/Price';
import { Empty, ErrorState, Loading, describeError } from '../components/states';
import { RequireSignIn } from '../components/RequireSignIn';
import { newIdempotencyKey } from '../lib/ids';
import { userErrorMessage } from '../lib/error-messages';
import { formatCount, pluralForm } from '../lib/plurals';
import { sumDecimals } from '../lib/money';
import { cartTotal } from './CartPage';

export function CheckoutPage() {
  return (
    <RequireSignIn>
      <PageHeading>Confirmar pedido</PageHeading>
      <PlaceOrderForm />
    </RequireSignIn>
  );
}

/** shippingQuotes takes one product id per unit, 1 to 100 of them. */
const MAX_QUOTED_UNITS = 100;

type Quote = ShippingQuotesData['shippingQuotes'][number];

/**
 * Places the cart as an order (stock reserved for all lines or none) delivered to one of the viewer's saved addresses
 * by a method quoted for its region, then continues to payment on the order page.
 */
function PlaceOrderForm() {
  const { navigate } = useRouter();
  const [{ data, fetching, error }, refetch] = useQuery({ query: CartQuery, requestPolicy: 'network-only' });
  const [placing, placeOrder] = useMutation(PlaceOrderMutation);
  // One key per visit to this page: a double click or a retry after a timeout returns the same order.
  const idempotencyKey = useRef(newIdempotencyKey('order'));
  const [{ data: saved }] = useQuery({ query: MyAddressesQuery });
  const [address, setAddress] = useState<AddressFieldsFragment | null>(null);
  const [methodId, setMethodId] = useState<string | null>(null);
  // The first saved address is chosen until the viewer picks another (or the chosen one is gone).
  const addresses = saved?.me?.addresses;
  const chosen = address && addresses?.some((a) => a.id === address.id) ? address : (addresses?.[0] ?? null);
  const lines = data?.cart.lines;
  const productIds = useMemo(() => (lines ?? []).flatMap((line) => Array.from({ length: line.quantity }, () => line.product.id)), [lines]);
  const quotable = Boolean(chosen) && productIds.length > 0 && productIds.length <= MAX_QUOTED_UNITS;
  const [quotes, requote] = useQuery({ query: ShippingQuotesQuery, variables: { region: chosen?.region ?? '', productIds }, pause: !quotable, requestPolicy: 'cache-and-network' });
  const quoteList = quotable ? quotes.data?.shippingQuotes : undefined;
  const quote: Quote | undefined = quoteList?.find((q) => q.method.id === methodId) ?? quoteList?.[0];
  // Another region has its own methods: the first one quoted is chosen again.
  useEffect(() => setMethodId(null), [chosen?.region]);

  if (!data && fetching) return <Loading label="Cargando tu carrito…" />;
  if (!data || !lines) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!lines.length)
    return (
      <Empty>
        <p>No hay nada que pagar: tu carrito está vacío.</p>
        <Link to="/">Explorar el catálogo</Link>
      </Empty>
    );
  const errors = placing.data?.placeOrder.errors ?? [];
  const outOfStock = errors.filter((e) => e.code === 'OUT_OF_STOCK');
  return (
    <>
      {/* The address book has forms of its own (add, edit): it stays outside the order's form. */}
      <fieldset className="panel">
        <legend>Dirección de envío</legend>
        <AddressBook choice={{ value: chosen?.id ?? null, onChange: setAddress }} />
      </fieldset>
      <ShippingMethods
        region={chosen?.region ?? null}
        tooMany={productIds.length > MAX_QUOTED_UNITS}
        quotes={quoteList}
        fetching={quotes.fetching}
        error={quotable ? quotes.error : undefined}
        retry={() => requote({ requestPolicy: 'network-only' })}
        value={quote?.method.id ?? null}
        onChange={setMethodId}
      />
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          if (!chosen || !quote) return;
          const result = await placeOrder({ input: { idempotencyKey: idempotencyKey.current, shippingAddressId: chosen.id, shippingMethodId: quote.method.id } });
          const order = result.data?.placeOrder.order;
          if (order) return navigate(`/orders/${order.id}`);
          // Refused: nothing was held, so the next attempt is a new intent with a new key.
          idempotencyKey.current = newIdempotencyKey('order');
          // Show the stock as it is now next to the short lines.
          if (result.data?.placeOrder.errors.some((e) => e.code === 'OUT_OF_STOCK')) refetch({ requestPolicy: 'network-only' });
        }}
      >
        <table className="summary">
          <caption className="visually-hidden">Resumen del pedido</caption>
          <thead>
            <tr>
              <th scope="col">Producto</th>
              <th scope="col">Cantidad</th>
              <th scope="col">Precio</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.product.id}>
                <td>{line.product.name}</td>
                <td>{line.quantity}</td>
                <td>
                  <Price money={line.product.price} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                Productos
              </th>
              <td>
                <Price money={cartTotal(lines)} />
              </td>
            </tr>
            <tr>
              <th scope="row" colSpan={2}>
                Envío
              </th>
              <td data-testid="checkout-shipping">{quote ? <Price money={quote.cost} /> : <span className="muted">Elige la dirección y el envío</span>}</td>
            </tr>
            <tr>
              <th scope="row" colSpan={2}>
                Total
              </th>
              <td data-testid="checkout-total" aria-live="polite">
                <Price money={quote ? { amount: sumDecimals([cartTotal(lines).amount, quote.cost.amount]), currency: quote.cost.currency } : cartTotal(lines)} />
              </td>
            </tr>
          </tfoot>
        </table>
        <p className="muted">Al confirmar reservamos las unidades por unos minutos mientras pagas.</p>
        {outOfStock.length > 0 && (
          <div className="state state-error" role="alert" data-testid="out-of-stock">
            <p className="state-title">Algunos productos ya no tienen unidades suficientes</p>
            <ul>
              {outOfStock.map((e, i) => {
                // The error's field is ["input", "lines", <index>, "quantity"]: the index of the cart line placed.
                const line = typeof e.field?.[2] === 'string' ? lines[Number(e.field[2])] : undefined;
                return (
                  <li key={i} data-testid="short-line">
                    {line ? (
                      <>
                        <strong>{line.product.name}</strong>: pediste {line.quantity}, {line.product.stock.available > 0 ? `${pluralForm(line.product.stock.available, { one: 'queda', other: 'quedan' })} ${formatCount(line.product.stock.available)}` : 'ya no quedan unidades'}.
                      </>
                    ) : (
                      userErrorMessage(e)
                    )}
                  </li>
                );
              })}
            </ul>
            <p>
              No se reservó nada. <Link to="/cart">Ajusta tu carrito</Link> y vuelve a intentarlo.
            </p>
          </div>
        )}
        {errors.length > outOfStock.length && (
          <div className="state state-error" role="alert">
            {errors
              .filter((e) => e.code !== 'OUT_OF_STOCK')
              .map((e, i) => (
                <p key={i} data-code={e.code}>
                  {userErrorMessage(e)}
                </p>
              ))}
          </div>
        )}
        {placing.error && (
          <div className="state state-error" role="alert">
            <p>No pudimos crear el pedido. {describeError(placing.error)}</p>
          </div>
        )}
        <div className="actions">
          <Link to="/cart" className="button secondary">
            Volver al carrito
          </Link>
          <button type="submit" className="button" disabled={placing.fetching || !chosen || !quote}>
            {placing.fetching ? 'Reservando…' : 'Confirmar y pagar'}
          </button>
        </div>
      </form>
    </>
  );
}

/** The methods quoted for the chosen address's region, each with its cost and delivery time; one is chosen. */
function ShippingMethods(props: { region: string | null; tooMany: boolean; quotes: readonly Quote[] | undefined; fetching: boolean; error: Parameters<typeof ErrorState>[0]['error']; retry: () => void; value: string | null; onChange: (methodId: string) => void }) {
  const { region, quotes } = props;
  let body;
  if (!region) body = <p className="muted">Elige o agrega una dirección para ver los envíos disponibles.</p>;
  else if (props.tooMany) body = <p className="field-error">Para más de {MAX_QUOTED_UNITS} unidades no podemos cotizar el envío aquí: divide tu compra en varios pedidos.</p>;
  else if (!quotes && props.fetching) body = <Loading label="Cotizando el envío…" />;
  else if (!quotes) body = <ErrorState error={props.error} retry={props.retry} title="No pudimos cotizar el envío." />;
  else if (!quotes.length) body = <p className="field-error">Por ahora no enviamos a {region}. Elige otra dirección.</p>;
  else
    body = (
      <ul className="address-list" aria-label={`Envíos a ${region}`}>
        {quotes.map((quote) => (
          <li key={quote.method.id} className="address-option" data-testid="shipping-option" data-method-id={quote.method.id}>
            <input type="radio" name="shipping-method" id={`method-${quote.method.id}`} checked={props.value === quote.method.id} onChange={() => props.onChange(quote.method.id)} />
            <label htmlFor={`method-${quote.method.id}`}>
              <strong>{quote.method.name}</strong> · {quote.method.carrier}
              <br />
              <Price money={quote.cost} /> · {pluralForm(quote.estimatedDays, { one: 'llega en 1 día hábil', other: `llega en ${formatCount(quote.estimatedDays)} días hábiles` })}
            </label>
          </li>
        ))}
      </ul>
    );
  return (
    <fieldset className="panel">
      <legend>Método de envío</legend>
      {body}
    </fieldset>
  );
}

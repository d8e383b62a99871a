import { useRef } from 'react';
import { useMutation, useQuery } from 'urql';
import { CartQuery } from '../operations/cart';
import { PlaceOrderMutation } from '../operations/checkout';
import { Link, useRouter } from '../app/router';
import { PageHeading } from '../components/PageHeading';
import { Price } from '../components/Price';
import { Empty, ErrorState, Loading, describeError } from '../components/states';
import { RequireSignIn } from '../components/RequireSignIn';
import { newIdempotencyKey } from '../lib/ids';
import { userErrorMessage } from '../lib/error-messages';
import { formatCount, pluralForm } from '../lib/plurals';
import { cartTotal } from './CartPage';

export function CheckoutPage() {
  return (
    <RequireSignIn>
      <PageHeading>Confirmar pedido</PageHeading>
      <PlaceOrderForm />
    </RequireSignIn>
  );
}

/** Places the cart as an order (stock reserved for all lines or none), then continues to payment on the order page. */
function PlaceOrderForm() {
  const { navigate } = useRouter();
  const [{ data, fetching, error }, refetch] = useQuery({ query: CartQuery, requestPolicy: 'network-only' });
  const [placing, placeOrder] = useMutation(PlaceOrderMutation);
  // One key per visit to this page: a double click or a retry after a timeout returns the same order.
  const idempotencyKey = useRef(newIdempotencyKey('order'));

  if (!data && fetching) return <Loading label="Cargando tu carrito…" />;
  if (!data) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const lines = data.cart.lines;
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
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await placeOrder({ input: { idempotencyKey: idempotencyKey.current } });
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
              Total
            </th>
            <td>
              <Price money={cartTotal(lines)} />
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
        <button type="submit" className="button" disabled={placing.fetching}>
          {placing.fetching ? 'Reservando…' : 'Confirmar y pagar'}
        </button>
      </div>
    </form>
  );
}

import { useMutation, useQuery } from 'urql';
import { CartQuery, SetCartLineMutation } from '../operations/cart';
import type { CartQuery as CartData } from '../gql/graphql';
import { Link } from '../app/router';
import { PageHeading } from '../components/PageHeading';
import { Price } from '../components/Price';
import { StockBadge } from '../components/StockBadge';
import { Empty, ErrorState, Loading, UserErrors } from '../components/states';
import { RequireSignIn } from '../components/RequireSignIn';
import { multiplyDecimal, sumDecimals } from '../lib/money';

export function CartPage() {
  return (
    <RequireSignIn>
      <PageHeading>Tu carrito</PageHeading>
      <CartContents />
    </RequireSignIn>
  );
}

/** Estimated from today's prices; the order snapshots the real prices when it is placed. */
export function cartTotal(lines: CartData['cart']['lines']) {
  const currency = lines[0]?.product.price.currency ?? 'COP';
  return { amount: sumDecimals(lines.map((line) => multiplyDecimal(line.product.price.amount, line.quantity))), currency };
}

function CartContents() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: CartQuery });
  const [update, setLine] = useMutation(SetCartLineMutation);
  if (!data && fetching) return <Loading label="Cargando tu carrito…" />;
  if (!data) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const lines = data.cart.lines;
  if (!lines.length)
    return (
      <Empty>
        <p>Tu carrito está vacío.</p>
        <Link to="/" className="button">
          Explorar el catálogo
        </Link>
      </Empty>
    );
  return (
    <>
      <ul className="cart-lines" aria-label="Productos en el carrito">
        {lines.map((line) => (
          <li key={line.product.id} className="cart-line" data-testid="cart-line">
            <div>
              <Link to={`/products/${line.product.id}`}>{line.product.name}</Link>
              <div className="muted">
                <Price money={line.product.price} /> c/u · <StockBadge stock={line.product.stock} />
              </div>
            </div>
            <div className="cart-line-actions">
              <label className="visually-hidden" htmlFor={`qty-${line.product.id}`}>
                Cantidad de {line.product.name}
              </label>
              <select
                id={`qty-${line.product.id}`}
                value={line.quantity}
                disabled={update.fetching}
                onChange={(e) => setLine({ productId: line.product.id, quantity: Number(e.target.value) })}
              >
                {Array.from({ length: Math.max(10, line.quantity) }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
              <button type="button" className="button link" disabled={update.fetching} onClick={() => setLine({ productId: line.product.id, quantity: 0 })}>
                Quitar<span className="visually-hidden"> {line.product.name}</span>
              </button>
            </div>
            <Price money={{ amount: multiplyDecimal(line.product.price.amount, line.quantity), currency: line.product.price.currency }} className="price line-total" />
          </li>
        ))}
      </ul>
      <UserErrors errors={update.data?.setCartLine.errors} />
      {update.error && <ErrorState error={update.error} title="No pudimos actualizar el carrito." />}
      <p className="cart-total">
        Total estimado: <Price money={cartTotal(lines)} />
      </p>
      <div className="actions">
        <Link to="/" className="button secondary">
          Seguir comprando
        </Link>
        <Link to="/checkout" className="button">
          Ir a pagar
        </Link>
      </div>
    </>
  );
}

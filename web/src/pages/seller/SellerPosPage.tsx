import { useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { MyStoresQuery, PosCatalogQuery, PosProductQuery, PosSearchQuery, PosStockChangedSubscription, RecordStoreSaleMutation } from '../../operations/pos';
import type { MyStoresQuery as MyStoresData, PosProductFragment, RecordStoreSaleMutation as RecordStoreSaleData } from '../../gql/graphql';
import { SellerSection } from './SellerSection';
import { Price } from '../../components/Price';
import { Empty, ErrorState, Loading, describeError } from '../../components/states';
import { useDebounced, useLive } from '../../hooks';
import { newIdempotencyKey } from '../../lib/ids';
import { userErrorMessage } from '../../lib/error-messages';
import { multiplyDecimal, sumDecimals } from '../../lib/money';
import { UNIT, countOf, formatCount } from '../../lib/plurals';
import { formatDateTime } from '../../lib/dates';

type Store = MyStoresData['myStores'][number];
type Sale = NonNullable<RecordStoreSaleData['recordStoreSale']['sale']>;
interface TicketLine {
  productId: string;
  quantity: number;
}
type LineError = { code: string; field?: readonly string[] | null };

/** The most units a line may have (OrderLineInput's quantity is 1 to 999). */
const MAX_QUANTITY = 999;

/** The counter of a seller's physical shop: pick the shop, scan or search products, sell from the shop's own units. */
export function SellerPosPage() {
  return (
    <SellerSection title="Punto de venta">
      <StorePicker />
    </SellerSection>
  );
}

function StorePicker() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyStoresQuery });
  const [storeId, setStoreId] = useState('');
  if (!data && fetching) return <Loading label="Cargando tus tiendas…" />;
  if (!data) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const stores = data.myStores;
  if (!stores.length)
    return (
      <Empty>
        <p>Aún no tienes una tienda física registrada. Pide a un administrador que cree la tuya para vender en el mostrador.</p>
      </Empty>
    );
  const store = stores.find((s) => s.id === storeId) ?? stores[0]!;
  return (
    <>
      <div className="field">
        <label htmlFor="pos-store">Tienda física</label>
        <select id="pos-store" value={store.id} onChange={(e) => setStoreId(e.target.value)}>
          {stores.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} · {s.region}
              {s.seller ? ` · ${s.seller.name}` : ''}
            </option>
          ))}
        </select>
      </div>
      {/* Another shop is another counter: a fresh ticket. */}
      {store.seller ? <Terminal key={store.id} store={store} sellerId={store.seller.id} /> : <p className="field-error">Esta tienda no tiene vendedor asignado.</p>}
    </>
  );
}

/** The shop's own available units of a product (the ones a counter sale takes). */
const storeAvailable = (product: PosProductFragment, storeId: string) => product.stock.warehouses.find((w) => w.warehouse.id === storeId)?.available ?? 0;

function Terminal({ store, sellerId }: { store: Store; sellerId: string }) {
  const [{ data: catalog }] = useQuery({ query: PosCatalogQuery, variables: { sellerId } });
  const [lines, setLines] = useState<TicketLine[]>([]);
  const [prices, setPrices] = useState<Record<string, PosProductFragment['price']>>({});
  const [scanMessage, setScanMessage] = useState<string | null>(null);
  const [selling, recordSale] = useMutation(RecordStoreSaleMutation);
  const [sale, setSale] = useState<Sale | null>(null);
  // The errors of the last refused attempt, by the product of the line they name.
  const [lineErrors, setLineErrors] = useState<Record<string, LineError[]>>({});
  const [ticketErrors, setTicketErrors] = useState<LineError[]>([]);
  // One key per ticket, kept until it is sold or emptied: a retry after a lost answer gets the sale already made instead
  // of selling twice, and a refused attempt stored nothing, so the corrected ticket goes with the same key.
  const idempotencyKey = useRef(newIdempotencyKey('pos'));
  const productIds = useMemo(() => lines.map((line) => line.productId), [lines]);
  const { live } = useLive(PosStockChangedSubscription, { productIds }, productIds.length === 0);

  const bySku = useMemo(() => new Map((catalog?.products.edges ?? []).map(({ node }) => [node.sku.toLowerCase(), node])), [catalog]);

  function add(product: PosProductFragment) {
    setSale(null);
    setPrices((shown) => ({ ...shown, [product.id]: product.price }));
    setLines((current) => {
      const line = current.find((l) => l.productId === product.id);
      if (line) return current.map((l) => (l === line ? { ...l, quantity: Math.min(MAX_QUANTITY, l.quantity + 1) } : l));
      return [...current, { productId: product.id, quantity: 1 }];
    });
  }
  const setQuantity = (productId: string, quantity: number) => setLines((current) => current.map((l) => (l.productId === productId ? { ...l, quantity } : l)));
  const remove = (productId: string) => setLines((current) => current.filter((l) => l.productId !== productId));
  const total = sumDecimals(lines.map((line) => multiplyDecimal(prices[line.productId]?.amount ?? '0', line.quantity)));

  async function charge() {
    setLineErrors({});
    setTicketErrors([]);
    const sent = lines;
    const result = await recordSale({ input: { warehouseId: store.id, lines: sent.map(({ productId, quantity }) => ({ productId, quantity })), idempotencyKey: idempotencyKey.current } });
    const payload = result.data?.recordStoreSale;
    if (!payload) return; // no answer: the same key is sent again with the next "Cobrar"
    if (payload.sale) {
      setSale(payload.sale);
      setLines([]);
      idempotencyKey.current = newIdempotencyKey('pos');
      return;
    }
    // Refused, nothing sold: each error on the line it names (["input", "lines", <index>, …]), the rest on the ticket.
    const byLine: Record<string, LineError[]> = {};
    const general: LineError[] = [];
    for (const error of payload.errors) {
      const index = error.field?.[1] === 'lines' && error.field[2] !== undefined ? Number(error.field[2]) : NaN;
      const line = Number.isInteger(index) ? sent[index] : undefined;
      if (line) (byLine[line.productId] ??= []).push(error);
      else general.push(error);
    }
    setLineErrors(byLine);
    setTicketErrors(general);
  }

  return (
    <div className="pos-layout">
      <div>
        <ScanForm
          onScan={(sku) => {
            const product = bySku.get(sku.toLowerCase());
            setScanMessage(product ? null : `No hay un producto con el SKU «${sku}» en esta tienda.`);
            if (product) add(product);
            return Boolean(product);
          }}
          ready={Boolean(catalog)}
        />
        {scanMessage && (
          <p role="alert" className="field-error">
            {scanMessage}
          </p>
        )}
        <ProductSearch sellerId={sellerId} storeId={store.id} onPick={add} />
      </div>
      <section aria-labelledby="ticket-heading" className="panel" data-testid="pos-ticket">
        <h2 id="ticket-heading">
          Venta{' '}
          <span className={live ? 'live-dot on' : 'live-dot'} title={live ? 'Existencias en vivo' : 'Sin conexión en vivo'}>
            <span className="visually-hidden">{live ? 'Existencias en vivo' : ''}</span>
          </span>
        </h2>
        {sale && <Receipt sale={sale} />}
        {lines.length === 0 ? (
          !sale && <p className="muted">Escanea o busca un producto para empezar la venta.</p>
        ) : (
          <table className="summary responsive">
            <caption className="visually-hidden">Productos de la venta</caption>
            <thead>
              <tr>
                <th scope="col">Producto</th>
                <th scope="col">Cantidad</th>
                <th scope="col">En tienda</th>
                <th scope="col">Subtotal</th>
                <th scope="col">
                  <span className="visually-hidden">Quitar</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <TicketRow key={line.productId} line={line} storeId={store.id} errors={lineErrors[line.productId] ?? []} onQuantity={(q) => setQuantity(line.productId, q)} onRemove={() => remove(line.productId)} />
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  Total
                </th>
                <td data-testid="pos-total">
                  <Price money={{ amount: total, currency: 'COP' }} />
                </td>
                <td />
              </tr>
            </tfoot>
          </table>
        )}
        {ticketErrors.length > 0 && (
          <div className="state state-error" role="alert">
            <ul className="plain">
              {ticketErrors.map((e, i) => (
                <li key={i} data-code={e.code}>
                  {userErrorMessage(e)}
                </li>
              ))}
            </ul>
          </div>
        )}
        {selling.error && (
          <p role="alert" className="field-error">
            No pudimos registrar la venta. {describeError(selling.error)} Vuelve a cobrar: no se cobrará dos veces.
          </p>
        )}
        {lines.length > 0 && (
          <div className="actions">
            <button type="button" className="button" disabled={selling.fetching} onClick={() => void charge()}>
              {selling.fetching ? 'Cobrando…' : 'Cobrar'}
            </button>
            <button type="button" className="button secondary" disabled={selling.fetching} onClick={() => {
                setLines([]);
                setLineErrors({});
                setTicketErrors([]);
                idempotencyKey.current = newIdempotencyKey('pos');
              }}>
              Vaciar venta
            </button>
          </div>
        )}
      </section>
    </div>
  );
}

/** A text box a barcode scanner types into: it sends the SKU followed by Enter, which submits it. */
function ScanForm({ onScan, ready }: { onScan: (sku: string) => boolean; ready: boolean }) {
  const [sku, setSku] = useState('');
  return (
    <form
      className="filters"
      onSubmit={(event) => {
        event.preventDefault();
        const code = sku.trim();
        if (code && onScan(code)) setSku('');
      }}
    >
      <div className="field grow">
        <label htmlFor="pos-sku">SKU o código de barras</label>
        <input id="pos-sku" autoComplete="off" autoCapitalize="characters" spellCheck={false} value={sku} onChange={(e) => setSku(e.target.value)} aria-describedby="pos-sku-hint" disabled={!ready} />
        <small id="pos-sku-hint" className="hint">
          Escanéalo o escríbelo y pulsa Enter.
        </small>
      </div>
      <button type="submit" className="button secondary" disabled={!ready}>
        Agregar
      </button>
    </form>
  );
}

/** The catalog search within the shop seller's products. */
function ProductSearch({ sellerId, storeId, onPick }: { sellerId: string; storeId: string; onPick: (product: PosProductFragment) => void }) {
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), 300);
  const [{ data, fetching, error }] = useQuery({ query: PosSearchQuery, variables: { sellerId, search }, pause: !search });
  const results = search ? data?.products.edges.map((edge) => edge.node) : undefined;
  return (
    <div role="search">
      <div className="field">
        <label htmlFor="pos-search">Buscar producto</label>
        <input id="pos-search" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Mochila, hamaca…" />
      </div>
      {search && !results && fetching && <Loading label="Buscando…" />}
      {error && <ErrorState error={error} />}
      {results && (
        <ul className="pos-results" aria-label="Resultados de la búsqueda" aria-live="polite">
          {results.length === 0 && <li className="muted">Sin resultados para «{search}».</li>}
          {results.map((product) => (
            <li key={product.id} className="row pos-result" data-testid="pos-result">
              <span className="grow-text">
                <strong>{product.name}</strong> <span className="muted">· SKU {product.sku} · {formatCount(storeAvailable(product, storeId))} en tienda</span>
              </span>
              <button type="button" className="button secondary" disabled={product.status !== 'ACTIVE'} onClick={() => onPick(product)}>
                Agregar <span className="visually-hidden">{product.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** One line: its product read from the cache, so its shop units follow stockChanged while the ticket is open. */
function TicketRow({ line, storeId, errors, onQuantity, onRemove }: { line: TicketLine; storeId: string; errors: LineError[]; onQuantity: (quantity: number) => void; onRemove: () => void }) {
  const [{ data }] = useQuery({ query: PosProductQuery, variables: { id: line.productId } });
  const product = data?.product;
  if (!product) return null;
  const available = storeAvailable(product, storeId);
  const short = line.quantity > available;
  return (
    <tr data-testid="pos-line" data-product-id={product.id}>
      <td data-label="Producto">
        <span>
          <strong>{product.name}</strong>
          <br />
          <span className="muted">
            SKU {product.sku} · <Price money={product.price} className="muted" />
          </span>
          {errors.map((e, i) => (
            <span key={i} className="line-error" role="alert" data-code={e.code}>
              {userErrorMessage(e)}
            </span>
          ))}
        </span>
      </td>
      <td data-label="Cantidad">
        <input
          className="qty-input"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_QUANTITY}
          aria-label={`Cantidad de ${product.name}`}
          value={line.quantity}
          onChange={(e) => onQuantity(Math.min(MAX_QUANTITY, Math.max(1, Math.floor(Number(e.target.value) || 1))))}
        />
      </td>
      <td data-label="En tienda">
        <span data-testid="pos-line-available" data-available={available} className={short ? 'negative' : undefined}>
          {countOf(available, UNIT)}
        </span>
      </td>
      <td data-label="Subtotal">
        <Price money={{ amount: multiplyDecimal(product.price.amount, line.quantity), currency: product.price.currency }} />
      </td>
      <td data-label="Quitar">
        <button type="button" className="button link" onClick={onRemove}>
          Quitar <span className="visually-hidden">{product.name}</span>
        </button>
      </td>
    </tr>
  );
}

function Receipt({ sale }: { sale: Sale }) {
  return (
    <div className="panel receipt" role="status" data-testid="pos-receipt">
      <p className="state-title">
        Venta registrada: recibo <strong data-testid="pos-receipt-number">{sale.receiptNumber}</strong>
      </p>
      <ul className="plain">
        {sale.lines.map((line) => (
          <li key={line.product.id}>
            {line.quantity} × {line.product.name}: <Price money={line.total} />
          </li>
        ))}
      </ul>
      <p>
        Total cobrado: <Price money={sale.total} /> · {formatDateTime(sale.createdAt)}
      </p>
    </div>
  );
}

import { useCallback, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ProductQuery } from '../operations/catalog';
import { AddToCartMutation } from '../operations/cart';
import { StockChangedSubscription } from '../operations/live';
import { Link, useRouter } from '../app/router';
import { useSession } from '../app/session';
import { PageHeading } from '../components/PageHeading';
import { Price } from '../components/Price';
import { StockBadge } from '../components/StockBadge';
import { HERO_IMAGE_SIZES, ProductPicture } from '../components/ProductPicture';
import { FavoriteButton } from '../components/FavoriteButton';
import { Loading, NotFound, QueryFailure, UserErrors, describeError } from '../components/states';
import { useLive, useRefetchOnReconnect } from '../hooks';

/** One product, one request; its "N left" follows stockChanged while the page is open. */
export function ProductPage({ id }: { id: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: ProductQuery, variables: { id } });
  const { live } = useLive(StockChangedSubscription, { productIds: [id] });
  useRefetchOnReconnect(useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]));

  if (!data && fetching) return <Loading label="Cargando producto…" />;
  const notFound = (
    <NotFound title="Este producto no existe">
      <p>Puede que el enlace esté mal escrito o que el producto ya no esté a la venta.</p>
      <Link to="/">Volver al catálogo</Link>
    </NotFound>
  );
  if (!data) return <QueryFailure error={error} retry={() => refetch({ requestPolicy: 'network-only' })} notFound={notFound} />;
  const product = data.product;
  if (!product) return notFound;
  return (
    <article className="product-page">
      <nav aria-label="Ruta" className="breadcrumbs">
        <Link to="/">Catálogo</Link>
        {product.category && (
          <>
            {' / '}
            <Link to={`/?category=${product.category.id}`}>{product.category.name}</Link>
          </>
        )}
      </nav>
      <div className="product-layout">
        <div>
          <ProductPicture name={product.name} images={product.images} sizes={HERO_IMAGE_SIZES} variant="hero" />
        </div>
        <div>
          <PageHeading>{product.name}</PageHeading>
          <FavoriteButton productId={product.id} productName={product.name} inline />
          <p className="muted">
            Por {product.seller.name} · SKU {product.sku}
          </p>
          <p className="price-large">
            <Price money={product.price} />
          </p>
          <p className="stock-line">
            <span data-testid="stock-left" data-available={product.stock.available} aria-live="polite">
              <StockBadge stock={product.stock} />
            </span>
            <span className={live ? 'live-dot on' : 'live-dot'} title={live ? 'En vivo' : 'Sin conexión en vivo'}>
              <span className="visually-hidden">{live ? 'Existencias en vivo' : ''}</span>
            </span>
          </p>
          <AddToCart productId={product.id} available={product.stock.available} />
          <p className="description">{product.description}</p>
        </div>
      </div>
    </article>
  );
}

function AddToCart({ productId, available }: { productId: string; available: number }) {
  const { viewer } = useSession();
  const { location } = useRouter();
  const [quantity, setQuantity] = useState(1);
  const [{ fetching, data, error }, addToCart] = useMutation(AddToCartMutation);
  const [added, setAdded] = useState(false);
  if (!viewer)
    return (
      <p>
        <Link to={`/signin?next=${encodeURIComponent(location.path)}`} className="button">
          Inicia sesión para comprar
        </Link>
      </p>
    );
  const max = Math.max(1, Math.min(available, 999));
  return (
    <form
      className="add-to-cart"
      onSubmit={async (event) => {
        event.preventDefault();
        setAdded(false);
        const result = await addToCart({ productId, quantity });
        if (result.data?.addToCart.cart && !result.data.addToCart.errors.length) setAdded(true);
      }}
    >
      <div className="field narrow">
        <label htmlFor="quantity">Cantidad</label>
        <input id="quantity" type="number" inputMode="numeric" min={1} max={max} value={quantity} onChange={(e) => setQuantity(Math.max(1, Math.floor(Number(e.target.value) || 1)))} />
      </div>
      <button type="submit" className="button" disabled={fetching || available <= 0}>
        {fetching ? 'Agregando…' : 'Agregar al carrito'}
      </button>
      {error && <p role="alert" className="field-error">{describeError(error)}</p>}
      <UserErrors errors={data?.addToCart.errors} />
      {added && (
        <p role="status" className="success">
          Agregado. <Link to="/cart">Ver carrito</Link>
        </p>
      )}
    </form>
  );
}

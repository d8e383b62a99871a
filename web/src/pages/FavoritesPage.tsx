import { useQuery } from 'urql';
import { MyFavoritesQuery } from '../operations/favorites';
import { Link } from '../app/router';
import { PageHeading } from '../components/PageHeading';
import { Price } from '../components/Price';
import { StockBadge } from '../components/StockBadge';
import { CARD_IMAGE_SIZES, ProductPicture } from '../components/ProductPicture';
import { FavoriteButton } from '../components/FavoriteButton';
import { RequireSignIn } from '../components/RequireSignIn';
import { Empty, ErrorState, Loading } from '../components/states';
import { PRODUCT, countOf } from '../lib/plurals';
import { productStatusLabel } from '../lib/labels';

export function FavoritesPage() {
  return (
    <RequireSignIn>
      <PageHeading>Mis favoritos</PageHeading>
      <Favorites />
    </RequireSignIn>
  );
}

/** The viewer's favourites, most recent first; one archived since stays, marked, and the heart takes it off. */
function Favorites() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: MyFavoritesQuery, requestPolicy: 'cache-and-network' });
  if (!data && fetching) return <Loading label="Cargando tus favoritos…" />;
  if (!data?.me) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const favorites = data.me.favorites;
  if (!favorites.length)
    return (
      <Empty>
        <p>Aún no tienes favoritos. Toca el corazón de un producto para guardarlo aquí; te avisamos cuando uno agotado vuelva a estar disponible.</p>
        <Link to="/">Explorar el catálogo</Link>
      </Empty>
    );
  return (
    <>
      <p className="result-count">{countOf(favorites.length, PRODUCT)}</p>
      <ul className="product-grid" aria-label="Favoritos">
        {favorites.map((product) => (
          <li key={product.id} className="product-card" data-testid="favorite-card" data-product-id={product.id}>
            <div className="card-top">
              <Link to={`/products/${product.id}`} className="product-link">
                <ProductPicture name={product.name} images={product.images} sizes={CARD_IMAGE_SIZES} variant="thumb" decorative />
                <span className="product-name">{product.name}</span>
              </Link>
              <FavoriteButton productId={product.id} productName={product.name} />
            </div>
            {product.status !== 'ACTIVE' && <span className="muted">{productStatusLabel[product.status]}: ya no está a la venta</span>}
            <Price money={product.price} />
            <StockBadge stock={product.stock} />
          </li>
        ))}
      </ul>
    </>
  );
}

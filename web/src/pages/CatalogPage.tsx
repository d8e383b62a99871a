import { useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { CatalogQuery, CategoriesQuery, catalogVariables, catalogView } from '../operations/catalog';
import type { ProductSort } from '../gql/graphql';
import { StockChangedSubscription } from '../operations/live';
import { Link, useRouter } from '../app/router';
import { PageHeading } from '../components/PageHeading';
import { Price } from '../components/Price';
import { StockBadge } from '../components/StockBadge';
import { CARD_IMAGE_SIZES, ProductPicture } from '../components/ProductPicture';
import { FavoriteButton } from '../components/FavoriteButton';
import { Empty, ErrorState, Loading } from '../components/states';
import { useDebounced, useLive } from '../hooks';
import { PRODUCT, countOf } from '../lib/plurals';

const SORTS: { value: ProductSort; label: string }[] = [
  { value: 'NEWEST', label: 'Más recientes' },
  { value: 'PRICE_ASC', label: 'Precio: menor a mayor' },
  { value: 'PRICE_DESC', label: 'Precio: mayor a menor' },
  { value: 'NAME', label: 'Nombre' },
  { value: 'RELEVANCE', label: 'Relevancia' },
];

/** The catalog: search, category and sort live in the URL so a filtered view can be shared and survives a reload. */
export function CatalogPage() {
  const { location, navigate } = useRouter();
  const { search, categoryId, sort } = catalogView(location.search);
  const [draft, setDraft] = useState(search);
  const debouncedDraft = useDebounced(draft, 350);

  const setParam = (changes: Record<string, string>) => {
    const params = new URLSearchParams(location.search);
    for (const [key, value] of Object.entries(changes)) value ? params.set(key, value) : params.delete(key);
    const query = params.toString();
    navigate(query ? `/?${query}` : '/', { replace: true });
  };
  // Search as you type, once typing pauses.
  useEffect(() => {
    if (debouncedDraft.trim() !== search) setParam({ q: debouncedDraft.trim() });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a settled draft should navigate
  }, [debouncedDraft]);

  return (
    <section aria-labelledby="catalog-heading">
      <PageHeading>Artesanías hechas en Colombia</PageHeading>
      <form
        className="filters"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setParam({ q: draft.trim() });
        }}
      >
        <div className="field grow">
          <label htmlFor="catalog-search">Buscar</label>
          <input id="catalog-search" type="search" placeholder="Mochila, hamaca, filigrana…" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </div>
        <CategorySelect value={categoryId} onChange={(value) => setParam({ category: value })} />
        <div className="field">
          <label htmlFor="catalog-sort">Ordenar por</label>
          <select id="catalog-sort" value={sort} onChange={(e) => setParam({ sort: e.target.value })}>
            {SORTS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      </form>
      <ProductGrid search={search} categoryId={categoryId} sort={sort} />
    </section>
  );
}

function CategorySelect({ value, onChange }: { value: string; onChange(value: string): void }) {
  const [{ data, error }] = useQuery({ query: CategoriesQuery });
  return (
    <div className="field">
      <label htmlFor="catalog-category">Categoría</label>
      <select id="catalog-category" value={value} onChange={(e) => onChange(e.target.value)} disabled={!data && !error}>
        <option value="">Todas</option>
        {data?.categories.map((category) => (
          <option key={category.id} value={category.id}>
            {category.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Cursor paging: "load more" asks for the page after the last cursor and the cache appends it. */
function ProductGrid({ search, categoryId, sort }: { search: string; categoryId: string; sort: ProductSort }) {
  const [after, setAfter] = useState<string | null>(null);
  const [lastKey, setLastKey] = useState('');
  const key = JSON.stringify([search, categoryId, sort]);
  if (key !== lastKey) {
    setLastKey(key);
    setAfter(null);
  }
  const variables = useMemo(() => catalogVariables({ search, categoryId, sort }, after), [search, categoryId, sort, after]);
  const [{ data, fetching, error }, refetch] = useQuery({ query: CatalogQuery, variables });
  const products = data?.products;
  const ids = useMemo(() => products?.edges.map((edge) => edge.node.id) ?? [], [products]);
  // Badges move live too: one subscription for the products on screen.
  useLive(StockChangedSubscription, { productIds: ids }, ids.length === 0);

  if (!products && fetching) return <Loading label="Cargando productos…" />;
  if (!products) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (products.edges.length === 0)
    return (
      <Empty>
        <p>No encontramos productos{search ? ` para «${search}»` : ''}.</p>
        <p>Prueba con otra palabra o quita el filtro de categoría.</p>
      </Empty>
    );
  return (
    <>
      <p className="result-count" aria-live="polite">
        {countOf(products.totalCount, PRODUCT)}
      </p>
      <ul className="product-grid" aria-label="Productos">
        {products.edges.map(({ node }) => (
          <li key={node.id} className="product-card" data-testid="product-card" data-product-id={node.id}>
            <div className="card-top">
              <Link to={`/products/${node.id}`} className="product-link">
                <ProductPicture name={node.name} images={node.images} sizes={CARD_IMAGE_SIZES} variant="thumb" decorative />
                <span className="product-name">{node.name}</span>
              </Link>
              <FavoriteButton productId={node.id} productName={node.name} />
            </div>
            {node.category && <span className="muted">{node.category.name}</span>}
            <Price money={node.price} />
            <StockBadge stock={node.stock} />
          </li>
        ))}
      </ul>
      {error && <ErrorState error={error} title="No pudimos cargar más productos." />}
      {products.pageInfo.hasNextPage && (
        <div className="center">
          <button type="button" className="button secondary" disabled={fetching} onClick={() => setAfter(products.pageInfo.endCursor ?? null)}>
            {fetching ? 'Cargando…' : 'Ver más productos'}
          </button>
        </div>
      )}
    </>
  );
}

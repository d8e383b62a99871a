import type { CatalogQueryVariables, ProductSort } from '../gql/graphql';

export const CATALOG_PAGE_SIZE = 12;

export interface CatalogView {
  search: string;
  categoryId: string;
  sort: ProductSort;
}

/** The catalog view a URL's query string asks for (search, category and sort live in the URL). */
export function catalogView(params: URLSearchParams): CatalogView {
  const search = params.get('q') ?? '';
  return { search, categoryId: params.get('category') ?? '', sort: (params.get('sort') as ProductSort | null) ?? (search ? 'RELEVANCE' : 'NEWEST') };
}

/** The Catalog query's variables for a view; also what index.html prefetches for "/" (src/app/prefetch.ts). */
export function catalogVariables({ search, categoryId, sort }: CatalogView, after: string | null = null): CatalogQueryVariables {
  return { first: CATALOG_PAGE_SIZE, after, filter: { ...(search ? { search } : {}), ...(categoryId ? { categoryId } : {}) }, sort };
}

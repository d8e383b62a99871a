import type { ReactNode } from 'react';
import { useRouter } from '../../app/router';
import { SectionLayout } from '../../components/SectionLayout';

/** The back office's parts; the current one is marked for assistive technology (aria-current). */
const SECTIONS = [
  ['/admin/dashboard', 'Panel'],
  ['/admin/orders', 'Pedidos'],
  ['/admin/customers', 'Clientes'],
  ['/admin/stock', 'Existencias'],
  ['/admin/shipments', 'Envíos'],
  ['/admin/tickets', 'Tickets'],
] as const;

/** Every back office page: admins only, the section menu, then the page's heading and content. */
export function AdminSection({ title, children }: { title: ReactNode; children: ReactNode }) {
  const { location } = useRouter();
  const isCurrent = (path: string) => location.path === path || location.path.startsWith(`${path}/`);
  return (
    <SectionLayout role="ADMIN" label="Administración" sections={SECTIONS} isCurrent={isCurrent} title={title}>
      {children}
    </SectionLayout>
  );
}

/** "Ver más" under a cursor-paged list: the cache appends the next page to the rows shown (relayPagination). */
export function MoreButton({ pageInfo, busy, onMore, label }: { pageInfo: { hasNextPage: boolean; endCursor?: string | null }; busy: boolean; onMore: (after: string) => void; label: string }) {
  if (!pageInfo.hasNextPage || !pageInfo.endCursor) return null;
  const cursor = pageInfo.endCursor;
  return (
    <p className="center">
      <button type="button" className="button secondary" disabled={busy} onClick={() => onMore(cursor)}>
        {label}
      </button>
    </p>
  );
}

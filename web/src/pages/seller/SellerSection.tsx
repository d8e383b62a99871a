import type { ReactNode } from 'react';
import { useRouter } from '../../app/router';
import { SectionLayout } from '../../components/SectionLayout';

/** The seller's area: its parts, the current one marked for assistive technology (aria-current). */
const SECTIONS = [
  ['/seller', 'Mis productos'],
  ['/seller/dashboard', 'Panel de ventas'],
  ['/seller/pos', 'Punto de venta'],
  ['/seller/suppliers', 'Proveedores'],
  ['/seller/reorders', 'Reabastecimiento'],
] as const;

/** Every seller page with a menu: sellers only, the section menu, then the page's heading and content. */
export function SellerSection({ title, children }: { title: ReactNode; children: ReactNode }) {
  const { location } = useRouter();
  const isCurrent = (path: string) => (path === '/seller' ? location.path === '/seller' || location.path.startsWith('/seller/products') : location.path === path);
  return (
    <SectionLayout role="SELLER" label="Mi tienda" sections={SECTIONS} isCurrent={isCurrent} title={title}>
      {children}
    </SectionLayout>
  );
}

import type { ReactNode } from 'react';
import { Link, useRouter } from '../../app/router';
import { PageHeading } from '../../components/PageHeading';
import { RequireSignIn } from '../../components/RequireSignIn';

/** The seller's area: its parts, the current one marked for assistive technology (aria-current). */
const SECTIONS = [
  ['/seller', 'Mis productos'],
  ['/seller/dashboard', 'Panel de ventas'],
] as const;

/** Every seller page with a menu: sellers only, the section menu, then the page's heading and content. */
export function SellerSection({ title, children }: { title: ReactNode; children: ReactNode }) {
  const { location } = useRouter();
  const current = (path: string) => (path === '/seller' ? location.path === '/seller' || location.path.startsWith('/seller/products') : location.path === path);
  return (
    <RequireSignIn role="SELLER">
      <nav aria-label="Mi tienda" className="admin-nav">
        <ul>
          {SECTIONS.map(([path, label]) => (
            <li key={path}>
              <Link to={path} aria-current={current(path) ? 'page' : undefined}>
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <PageHeading>{title}</PageHeading>
      {children}
    </RequireSignIn>
  );
}

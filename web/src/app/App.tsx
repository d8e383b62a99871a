import { lazy, Suspense, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { CartQuery } from '../operations/cart';
import { RouterProvider, Link, matchPath, useRouter } from './router';
import { SessionProvider, useSession } from './session';
import { CatalogPage } from '../pages/CatalogPage';
import { ProductPage } from '../pages/ProductPage';
import { CartPage } from '../pages/CartPage';
import { CheckoutPage } from '../pages/CheckoutPage';
import { OrderPage } from '../pages/OrderPage';
import { OrdersPage } from '../pages/OrdersPage';
import { RegisterPage, SignInPage } from '../pages/SignInPage';
import { NotificationBell } from '../components/NotificationBell';
import { AssistantButton } from '../components/AssistantButton';
import { Empty, Loading } from '../components/states';
import { ITEM, countOf } from '../lib/plurals';

// Seller and admin screens are a minority's: they load on demand and stay out of the shopper's first download.
const SellerProductsPage = lazy(() => import('../pages/seller/SellerProductsPage').then((m) => ({ default: m.SellerProductsPage })));
const SellerDashboardPage = lazy(() => import('../pages/seller/SellerDashboardPage').then((m) => ({ default: m.SellerDashboardPage })));
const NewProductPage = lazy(() => import('../pages/seller/ProductEditorPage').then((m) => ({ default: m.NewProductPage })));
const EditProductPage = lazy(() => import('../pages/seller/ProductEditorPage').then((m) => ({ default: m.EditProductPage })));
const AdminDashboardPage = lazy(() => import('../pages/admin/AdminDashboardPage').then((m) => ({ default: m.AdminDashboardPage })));
const AdminOrdersPage = lazy(() => import('../pages/admin/AdminOrdersPage').then((m) => ({ default: m.AdminOrdersPage })));
const AdminOrderPage = lazy(() => import('../pages/admin/AdminOrderPage').then((m) => ({ default: m.AdminOrderPage })));
const AdminCustomersPage = lazy(() => import('../pages/admin/AdminCustomersPage').then((m) => ({ default: m.AdminCustomersPage })));
const SellerPosPage = lazy(() => import('../pages/seller/SellerPosPage').then((m) => ({ default: m.SellerPosPage })));
const SellerSuppliersPage = lazy(() => import('../pages/seller/SellerSuppliersPage').then((m) => ({ default: m.SellerSuppliersPage })));
const SellerReordersPage = lazy(() => import('../pages/seller/SellerReordersPage').then((m) => ({ default: m.SellerReordersPage })));
const AdminShipmentsPage = lazy(() => import('../pages/admin/AdminShipmentsPage').then((m) => ({ default: m.AdminShipmentsPage })));
const AdminStockPage = lazy(() => import('../pages/admin/AdminStockPage').then((m) => ({ default: m.AdminStockPage })));
// The feed, the profile and support tickets are visited now and then: on demand as well.
const NotificationsPage = lazy(() => import('../pages/NotificationsPage').then((m) => ({ default: m.NotificationsPage })));
const FavoritesPage = lazy(() => import('../pages/FavoritesPage').then((m) => ({ default: m.FavoritesPage })));
const ProfilePage = lazy(() => import('../pages/ProfilePage').then((m) => ({ default: m.ProfilePage })));
const MyTicketsPage = lazy(() => import('../pages/support/MyTicketsPage').then((m) => ({ default: m.MyTicketsPage })));
const TicketPage = lazy(() => import('../pages/support/TicketPage').then((m) => ({ default: m.TicketPage })));
const AdminTicketsPage = lazy(() => import('../pages/admin/AdminTicketsPage').then((m) => ({ default: m.AdminTicketsPage })));
const AdminTicketPage = lazy(() => import('../pages/admin/AdminTicketPage').then((m) => ({ default: m.AdminTicketPage })));

const ROUTES: [pattern: string, render: (params: Record<string, string>) => ReactNode][] = [
  ['/', () => <CatalogPage />],
  ['/products/:id', ({ id }) => <ProductPage key={id} id={id!} />],
  ['/cart', () => <CartPage />],
  ['/checkout', () => <CheckoutPage />],
  ['/orders', () => <OrdersPage />],
  ['/orders/:id', ({ id }) => <OrderPage key={id} id={id!} />],
  ['/signin', () => <SignInPage />],
  ['/register', () => <RegisterPage />],
  ['/seller', () => <SellerProductsPage />],
  ['/seller/dashboard', () => <SellerDashboardPage />],
  ['/seller/products/new', () => <NewProductPage />],
  ['/seller/products/:id', ({ id }) => <EditProductPage key={id} id={id!} />],
  ['/seller/pos', () => <SellerPosPage />],
  ['/seller/suppliers', () => <SellerSuppliersPage />],
  ['/seller/reorders', () => <SellerReordersPage />],
  ['/admin/dashboard', () => <AdminDashboardPage />],
  ['/admin/orders', () => <AdminOrdersPage />],
  ['/admin/orders/:id', ({ id }) => <AdminOrderPage key={id} id={id!} />],
  ['/admin/customers', () => <AdminCustomersPage />],
  ['/admin/stock', () => <AdminStockPage />],
  ['/admin/shipments', () => <AdminShipmentsPage />],
  ['/admin/tickets', () => <AdminTicketsPage />],
  ['/admin/tickets/:id', ({ id }) => <AdminTicketPage key={id} id={id!} />],
  ['/notifications', () => <NotificationsPage />],
  ['/profile', () => <ProfilePage />],
  ['/favorites', () => <FavoritesPage />],
  ['/support/tickets', () => <MyTicketsPage />],
  ['/support/tickets/:id', ({ id }) => <TicketPage key={id} id={id!} />],
];

function CurrentPage() {
  const { location } = useRouter();
  for (const [pattern, render] of ROUTES) {
    const params = matchPath(pattern, location.path);
    if (params) return <>{render(params)}</>;
  }
  return (
    <Empty>
      <h1>Página no encontrada</h1>
      <Link to="/">Ir al catálogo</Link>
    </Empty>
  );
}

function CartCount() {
  const [{ data }] = useQuery({ query: CartQuery });
  const count = data?.cart.lines.reduce((n, line) => n + line.quantity, 0) ?? 0;
  return (
    <Link to="/cart" data-testid="nav-cart">
      Carrito{count > 0 && <span className="count-pill" aria-label={countOf(count, ITEM)}>{count}</span>}
    </Link>
  );
}

/**
 * On a phone the header is two rows: the brand with the account (greeting, Salir), then the menu on one line that
 * scrolls sideways when it is longer than the screen; on a wide screen it is one row: brand, menu, account.
 */
function NavBar() {
  const { viewer, hasRole, signOut } = useSession();
  const { navigate } = useRouter();
  return (
    <header className="site-header">
      <a
        href="#main"
        className="skip-link"
        onClick={(event) => {
          // Focus the page without a #main history entry (Back would land on it and move the focus there again).
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Saltar al contenido
      </a>
      <Link to="/" className="brand">
        Artesanías Bogotá
      </Link>
      <nav aria-label="Principal">
        <ul className="nav-links">
          <li>
            <Link to="/">Catálogo</Link>
          </li>
          {viewer ? (
            <>
              <li>
                <CartCount />
              </li>
              <li>
                <Link to="/orders">Mis pedidos</Link>
              </li>
              <li>
                <Link to="/favorites">Favoritos</Link>
              </li>
              <li>
                <Link to="/support/tickets">Mis tickets</Link>
              </li>
              <li>
                <Link to="/profile">Mi cuenta</Link>
              </li>
              {hasRole('SELLER') && (
                <li>
                  <Link to="/seller">Mi tienda</Link>
                </li>
              )}
              {hasRole('ADMIN') && (
                <li>
                  <Link to="/admin/orders">Administración</Link>
                </li>
              )}
              <li>
                <AssistantButton />
              </li>
            </>
          ) : (
            <>
              <li>
                <Link to="/signin">Iniciar sesión</Link>
              </li>
              <li>
                <Link to="/register">Registrarse</Link>
              </li>
            </>
          )}
        </ul>
      </nav>
      {viewer && (
        <div className="account">
          <NotificationBell />
          <p className="greeting" data-testid="viewer-name">
            Hola, {viewer.name}
          </p>
          <button
            type="button"
            className="button link"
            onClick={() => {
              signOut();
              navigate('/');
            }}
          >
            Salir <span className="visually-hidden">({viewer.name})</span>
          </button>
        </div>
      )}
    </header>
  );
}

export function App() {
  return (
    <RouterProvider>
      <SessionProvider>
        <NavBar />
        {/* tabIndex: the skip link's target takes the focus, so the next Tab continues inside the page. */}
        <main id="main" className="page" tabIndex={-1}>
          <Suspense fallback={<Loading />}>
            <CurrentPage />
          </Suspense>
        </main>
        <footer className="site-footer">
          <p>Hecho a mano en Colombia · Precios en pesos colombianos (COP)</p>
        </footer>
      </SessionProvider>
    </RouterProvider>
  );
}

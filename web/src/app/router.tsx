import { createContext, useCallback, useContext, useEffect, useState, type AnchorHTMLAttributes, type ReactNode } from 'react';

/** A small History API router: the storefront has a dozen routes, which does not justify a routing library in the bundle. */
interface Location {
  path: string;
  search: URLSearchParams;
}

const RouterContext = createContext<{ location: Location; navigate: (to: string, options?: { replace?: boolean }) => void } | null>(null);

function readLocation(): Location {
  return { path: window.location.pathname, search: new URLSearchParams(window.location.search) };
}

/**
 * Set by a client-side navigation to another path (link, redirect, back/forward) and taken by the next page
 * heading that renders, so keyboard and screen reader users land on the new view. Never set on the first load:
 * there the first Tab must reach the skip link and the menu.
 */
let headingFocusPending = false;

/** True once after each client-side navigation to another path; the caller moves focus to its heading. */
export function takeHeadingFocus(): boolean {
  const pending = headingFocusPending;
  headingFocusPending = false;
  return pending;
}

export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState(readLocation);
  useEffect(() => {
    const onPop = () => {
      const next = readLocation();
      setLocation((shown) => {
        if (shown.path !== next.path) headingFocusPending = true;
        return next;
      });
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: string, options?: { replace?: boolean }) => {
    const from = window.location.pathname;
    if (options?.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    // Only a new path is a new view: a search or filter change (same path, new query) keeps the focus where it is.
    if (window.location.pathname !== from) headingFocusPending = true;
    setLocation(readLocation());
    // A new page starts at the top, and keyboard and screen reader users land on its heading.
    if (!to.includes('?') || to.split('?')[0] !== window.location.pathname) window.scrollTo(0, 0);
  }, []);
  return <RouterContext.Provider value={{ location, navigate }}>{children}</RouterContext.Provider>;
}

export function useRouter() {
  const router = useContext(RouterContext);
  if (!router) throw new Error('useRouter outside RouterProvider');
  return router;
}

/** Matches "/products/:id" against a path; returns the params or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const regex = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, name: string) => (names.push(name), '([^/]+)'))}/?$`);
  const match = regex.exec(path);
  if (!match) return null;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
}

/** An ordinary link (so open-in-new-tab and the keyboard work) that navigates without a reload. */
export function Link({ to, children, ...rest }: { to: string; children: ReactNode } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const { navigate } = useRouter();
  return (
    <a
      href={to}
      {...rest}
      onClick={(event) => {
        rest.onClick?.(event);
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

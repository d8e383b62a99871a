import { useEffect, useRef, type ReactNode } from 'react';
import { takeHeadingFocus } from '../app/router';

/**
 * Each page's h1. After a client-side navigation the first heading to render takes focus, so keyboard and screen
 * reader users know the view changed; on the first load it does not, and the first Tab reaches the skip link.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeHeadingFocus()) ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}

import { useEffect, useRef, type ReactNode } from 'react';

/** Each page's h1 takes focus when the page opens, so keyboard and screen reader users know the view changed. */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}

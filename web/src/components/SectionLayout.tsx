import type { ReactNode } from 'react';
import type { Viewer } from '../app/session';
import { Link } from '../app/router';
import { PageHeading } from './PageHeading';
import { RequireSignIn } from './RequireSignIn';

/**
 * An area of pages for one role (the seller's, the back office): its menu, the current part marked for assistive
 * technology (aria-current), then the page's heading and content.
 */
export function SectionLayout(props: {
  role: Viewer['roles'][number];
  /** The menu's accessible name. */
  label: string;
  sections: readonly (readonly [path: string, label: string])[];
  isCurrent: (path: string) => boolean;
  title: ReactNode;
  children: ReactNode;
}) {
  return (
    <RequireSignIn role={props.role}>
      <nav aria-label={props.label} className="admin-nav">
        <ul>
          {props.sections.map(([path, label]) => (
            <li key={path}>
              <Link to={path} aria-current={props.isCurrent(path) ? 'page' : undefined}>
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <PageHeading>{props.title}</PageHeading>
      {props.children}
    </RequireSignIn>
  );
}

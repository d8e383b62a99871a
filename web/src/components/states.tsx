import type { CombinedError } from 'urql';
import type { ReactNode } from 'react';
import { errorMessage, graphQLErrorMessage, userErrorMessage } from '../lib/error-messages';
import { PageHeading } from './PageHeading';

/**
 * The states a view can be in besides showing its data, each with its own look and data-state: loading, empty (the
 * list has nothing yet), not found (the thing does not exist or is not the viewer's), forbidden (the account may not
 * see it), and error (the request failed: retry).
 */

/** Announced politely to screen readers; shown while the first answer is on its way. */
export function Loading({ label = 'Cargando…' }: { label?: string }) {
  return (
    <p className="state state-loading" data-state="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <div className="state state-empty" data-state="empty">
      {children}
    </div>
  );
}

/** In place of a page whose subject does not exist, or is someone else's (the API answers null for both). */
export function NotFound({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty state-not-found" data-state="not-found">
      <PageHeading>{title}</PageHeading>
      {children}
    </div>
  );
}

/** The viewer is signed in but their account may not see this. */
export function Forbidden({ children }: { children?: ReactNode }) {
  return (
    <div className="state state-empty state-forbidden" data-state="forbidden">
      <PageHeading>No tienes permiso para ver esta página</PageHeading>
      {children}
    </div>
  );
}

type AnyError = CombinedError | Error | string;

/** What kind of failure a request had: it decides which state a page shows. */
export type Failure = 'network' | 'unauthenticated' | 'forbidden' | 'not-found' | 'bad-input' | 'other';

export function failureOf(error: AnyError | undefined): Failure {
  if (!error || typeof error === 'string') return 'other';
  if ('networkError' in error && error.networkError) return 'network';
  const codes = 'graphQLErrors' in error ? error.graphQLErrors.map((e) => e.extensions?.code) : [];
  if (codes.includes('UNAUTHENTICATED')) return 'unauthenticated';
  if (codes.includes('FORBIDDEN')) return 'forbidden';
  if (codes.includes('NOT_FOUND')) return 'not-found';
  if (codes.includes('BAD_USER_INPUT')) return 'bad-input';
  return 'other';
}

/** A request failed: say what happened in words a shopper understands, and offer a retry. */
export function ErrorState({ error, retry, title, wholePage = false }: { error?: AnyError; retry?: () => void; title?: string; wholePage?: boolean }) {
  const network = failureOf(error) === 'network';
  const text = title ?? (network ? 'No hay conexión con la tienda.' : 'No pudimos cargar esta información.');
  return (
    <div className="state state-error" data-state="error" data-failure={failureOf(error)} role="alert">
      {/* In place of a whole page, the title is the page's heading. */}
      {wholePage ? <PageHeading>{text}</PageHeading> : <p className="state-title">{text}</p>}
      {error && <p className="state-detail">{describeError(error)}</p>}
      {retry && (
        <button type="button" className="button secondary" onClick={retry}>
          Reintentar
        </button>
      )}
    </div>
  );
}

/**
 * In place of a page whose query gave no data (it has no heading of its own yet): not found when the thing is not there (a NOT_FOUND, or an id in the address the API
 * refuses as BAD_USER_INPUT), forbidden for an account without the right, otherwise the error with a retry.
 */
export function QueryFailure({ error, retry, notFound }: { error?: CombinedError; retry: () => void; notFound?: ReactNode }) {
  const failure = failureOf(error);
  if (notFound && (failure === 'not-found' || failure === 'bad-input')) return <>{notFound}</>;
  if (failure === 'forbidden') return <Forbidden />;
  return <ErrorState error={error} retry={retry} wholePage />;
}

/** Turns a network or GraphQL error into Spanish sentences by code (the server's English stays in the response). */
export function describeError(error: AnyError): string {
  if (typeof error === 'string') return error;
  if ('networkError' in error && error.networkError) return 'No hay conexión con el servidor. Revisa tu conexión e inténtalo de nuevo.';
  if ('graphQLErrors' in error && error.graphQLErrors.length) return [...new Set(error.graphQLErrors.map(graphQLErrorMessage))].join(' ');
  return errorMessage(null);
}

/** Domain errors from a mutation payload, in Spanish by code, shown next to the form that caused them. */
export function UserErrors({ errors }: { errors: { code: string; message: string; field?: readonly string[] | null }[] | null | undefined }) {
  if (!errors?.length) return null;
  return (
    <div className="state state-error" role="alert">
      <ul className="plain">
        {errors.map((e, i) => (
          <li key={i} data-code={e.code}>
            {userErrorMessage(e)}
          </li>
        ))}
      </ul>
    </div>
  );
}

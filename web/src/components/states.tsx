import type { CombinedError } from 'urql';
import type { ReactNode } from 'react';

/** Announced politely to screen readers; shown while the first answer is on its way. */
export function Loading({ label = 'Cargando…' }: { label?: string }) {
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

/** A request failed: say what happened in words a shopper understands, and offer a retry. */
export function ErrorState({ error, retry, title = 'No pudimos cargar esta información.' }: { error?: CombinedError | Error | string; retry?: () => void; title?: string }) {
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">{title}</p>
      {error && <p className="state-detail">{describeError(error)}</p>}
      {retry && (
        <button type="button" className="button secondary" onClick={retry}>
          Reintentar
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}

/** Turns a network or GraphQL error into one readable sentence (no stack traces, no JSON). */
export function describeError(error: CombinedError | Error | string): string {
  if (typeof error === 'string') return error;
  if ('networkError' in error && error.networkError) return 'No hay conexión con el servidor. Revisa tu conexión e inténtalo de nuevo.';
  if ('graphQLErrors' in error && error.graphQLErrors.length) return error.graphQLErrors.map((e) => e.message).join(' ');
  return error.message;
}

/** Domain errors from a mutation payload (code + message), shown next to the form that caused them. */
export function UserErrors({ errors }: { errors: { code: string; message: string }[] | null | undefined }) {
  if (!errors?.length) return null;
  return (
    <div className="state state-error" role="alert">
      <ul className="plain">
        {errors.map((e, i) => (
          <li key={i} data-code={e.code}>
            {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

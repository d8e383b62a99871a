import type { ReactNode } from 'react';
import { Link, useRouter } from '../app/router';
import { useSession, type Viewer } from '../app/session';
import { Forbidden, Loading } from './states';

/** Pages for signed-in users (or a role) explain what is needed instead of failing with FORBIDDEN. */
export function RequireSignIn({ role, children }: { role?: Viewer['roles'][number]; children: ReactNode }) {
  const { viewer, loading } = useSession();
  const { location } = useRouter();
  if (loading) return <Loading label="Verificando tu sesión…" />;
  if (!viewer)
    return (
      <div className="state state-empty" data-state="unauthenticated">
        <p>Necesitas iniciar sesión para ver esta página.</p>
        <Link className="button" to={`/signin?next=${encodeURIComponent(location.path + (location.search.size ? `?${location.search}` : ''))}`}>
          Iniciar sesión
        </Link>
      </div>
    );
  if (role && !viewer.roles.includes(role))
    return (
      <Forbidden>
        <p>Tu cuenta no tiene el rol que esta página necesita.</p>
        <Link to="/">Volver al catálogo</Link>
      </Forbidden>
    );
  return <>{children}</>;
}

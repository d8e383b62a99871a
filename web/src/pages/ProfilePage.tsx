import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { NotificationPreferencesQuery, SetNotificationPreferenceMutation } from '../operations/notifications';
import type { NotificationKind } from '../gql/graphql';
import { Link } from '../app/router';
import { useSession, type Viewer } from '../app/session';
import { PageHeading } from '../components/PageHeading';
import { ErrorState, Loading, UserErrors, describeError } from '../components/states';
import { RequireSignIn } from '../components/RequireSignIn';
import { notificationKindLabel } from '../lib/labels';
import { AddressBook } from '../components/AddressBook';

export function ProfilePage() {
  return (
    <RequireSignIn>
      <PageHeading>Mi cuenta</PageHeading>
      <Account />
    </RequireSignIn>
  );
}

const ROLE_LABEL: Record<Viewer['roles'][number], string> = { CUSTOMER: 'Cliente', SELLER: 'Vendedor', ADMIN: 'Administrador' };

function Account() {
  const { viewer } = useSession();
  if (!viewer) return null;
  return (
    <>
      <dl className="facts panel">
        <div>
          <dt>Nombre</dt>
          <dd>{viewer.name}</dd>
        </div>
        <div>
          <dt>Correo</dt>
          <dd className="break-anywhere">{viewer.email}</dd>
        </div>
        <div>
          <dt>Roles</dt>
          <dd>{viewer.roles.map((role) => ROLE_LABEL[role]).join(', ')}</dd>
        </div>
      </dl>
      <p>
        <Link to="/notifications">Mis notificaciones</Link> · <Link to="/support/tickets">Mis tickets</Link> · <Link to="/orders">Mis pedidos</Link> · <Link to="/favorites">Mis favoritos</Link>
      </p>
      <section aria-labelledby="addresses-heading" className="panel">
        <h2 id="addresses-heading">Mis direcciones</h2>
        <AddressBook />
      </section>
      <EmailPreferences isSeller={viewer.roles.includes('SELLER')} />
    </>
  );
}

/** Stock kinds go to a product's seller only: other accounts never get them, so they are not offered. */
const SELLER_ONLY = new Set<NotificationKind>(['LOW_STOCK', 'SOLD_OUT', 'REORDER_SUGGESTED']);

/** One checkbox per kind; each change is saved at once (setNotificationPreference answers with every kind's setting). */
function EmailPreferences({ isSeller }: { isSeller: boolean }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: NotificationPreferencesQuery });
  const [saving, setPreference] = useMutation(SetNotificationPreferenceMutation);
  // What the viewer just asked for, shown at once; the answer (every kind's setting) replaces it, a refusal undoes it.
  const [asked, setAsked] = useState<Partial<Record<NotificationKind, boolean>>>({});
  if (!data && fetching) return <Loading label="Cargando tus preferencias…" />;
  if (!data?.me) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const preferences = data.me.notificationPreferences.filter((p) => isSeller || !SELLER_ONLY.has(p.kind));
  const saved = saving.data && !saving.data.setNotificationPreference.errors.length && !saving.fetching;
  return (
    <form className="panel preferences" onSubmit={(event) => event.preventDefault()}>
      <fieldset>
        <legend>Avisos por correo</legend>
        <p className="hint">Todas las notificaciones llegan a la campana de la tienda; marca las que también quieres recibir por correo.</p>
        {preferences.map((preference) => (
          <label key={preference.kind} className="checkbox" data-testid="preference" data-kind={preference.kind}>
            <input
              type="checkbox"
              checked={asked[preference.kind] ?? preference.email}
              disabled={saving.fetching}
              onChange={async (event) => {
                const { kind } = preference;
                const email = event.target.checked;
                setAsked((shown) => ({ ...shown, [kind]: email }));
                await setPreference({ kind, email });
                setAsked(({ [kind]: _done, ...rest }) => rest);
              }}
            />
            {notificationKindLabel[preference.kind]}
          </label>
        ))}
      </fieldset>
      <UserErrors errors={saving.data?.setNotificationPreference.errors} />
      {saving.error && <p role="alert" className="field-error">{describeError(saving.error)}</p>}
      <p role="status" className="success">
        {saved ? 'Preferencias guardadas.' : ''}
      </p>
    </form>
  );
}

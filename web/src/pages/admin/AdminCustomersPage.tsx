import { useState } from 'react';
import { useQuery } from 'urql';
import { AdminCustomersQuery } from '../../operations/admin';
import type { Role } from '../../gql/graphql';
import { Link, useRouter } from '../../app/router';
import { ErrorState, Loading } from '../../components/states';
import { formatDateTime } from '../../lib/dates';
import { countOf, type PluralForms } from '../../lib/plurals';
import { useDebounced } from '../../hooks';
import { AdminSection, MoreButton } from './AdminSection';
import { ResponsiveTable } from '../../components/ResponsiveTable';

const ACCOUNT: PluralForms = { one: 'cuenta', other: 'cuentas' };
const ROLES: Record<Role, string> = { CUSTOMER: 'Cliente', SELLER: 'Vendedor', ADMIN: 'Administrador' };

/** Admins: every account, newest first, searched by name or e-mail as the admin types (?q=… keeps it on reload). */
export function AdminCustomersPage() {
  const { location, navigate } = useRouter();
  const [draft, setDraft] = useState(location.search.get('q') ?? '');
  const role = (location.search.get('role') ?? '') as Role | '';
  const search = useDebounced(draft.trim());
  const go = (q: string, r: string) => {
    const query = new URLSearchParams(Object.entries({ q, role: r }).filter(([, value]) => value));
    navigate(query.size ? `/admin/customers?${query}` : '/admin/customers', { replace: true });
  };
  return (
    <AdminSection title="Clientes">
      <form
        className="filters admin-filters"
        role="search"
        aria-label="Buscar cuentas"
        onSubmit={(event) => {
          event.preventDefault();
          go(draft.trim(), role);
        }}
      >
        <div className="field grow">
          <label htmlFor="admin-customer-search">Buscar por nombre o correo</label>
          <input
            id="admin-customer-search"
            type="search"
            value={draft}
            maxLength={200}
            onChange={(event) => {
              setDraft(event.target.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="admin-customer-role">Rol</label>
          <select id="admin-customer-role" value={role} onChange={(event) => go(draft.trim(), event.target.value)}>
            <option value="">Todos</option>
            {(Object.keys(ROLES) as Role[]).map((value) => (
              <option key={value} value={value}>
                {ROLES[value]}
              </option>
            ))}
          </select>
        </div>
      </form>
      <CustomerList key={`${search}|${role}`} search={search} role={role || null} />
    </AdminSection>
  );
}

function CustomerList({ search, role }: { search: string; role: Role | null }) {
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminCustomersQuery, variables: { after, search: search || null, role } });
  if (!data && fetching) return <Loading label="Cargando cuentas…" />;
  if (!data) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const { edges, pageInfo, totalCount } = data.users;
  return (
    <>
      <p className="result-count" role="status" data-testid="customers-total" data-total={totalCount}>
        {countOf(totalCount, ACCOUNT)}
      </p>
      <ResponsiveTable
        empty="Ninguna cuenta coincide con la búsqueda."
        caption="Cuentas, las más recientes primero"
        captionHidden
        rows={edges.map((edge) => edge.node)}
        rowKey={(user) => user.id}
        rowData={() => ({ 'data-testid': 'admin-customer-row' })}
        columns={[
          { header: 'Nombre', cell: (user) => user.name },
          { header: 'Correo', cell: (user) => user.email, className: () => 'break-anywhere' },
          { header: 'Roles', cell: (user) => user.roles.map((r) => ROLES[r]).join(', ') },
          { header: 'Alta', cell: (user) => formatDateTime(user.createdAt) },
          {
            header: 'Pedidos',
            cell: (user) => (
              <Link to={`/admin/orders?customer=${encodeURIComponent(user.id)}`}>
                Ver pedidos<span className="visually-hidden"> de {user.name}</span>
              </Link>
            ),
          },
        ]}
      />
      <MoreButton pageInfo={pageInfo} busy={fetching} onMore={setAfter} label="Ver más cuentas" />
    </>
  );
}

import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { CreateSupplierMutation, SuppliersQuery, UpdateSupplierMutation } from '../../operations/supply';
import type { SupplierFieldsFragment } from '../../gql/graphql';
import { SellerSection } from './SellerSection';
import { Field } from '../../components/Field';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { ErrorState, Loading, UserErrors, describeError } from '../../components/states';
import { userErrorMessage } from '../../lib/error-messages';
import { pluralForm } from '../../lib/plurals';

export function SellerSuppliersPage() {
  return (
    <SellerSection title="Proveedores">
      <Suppliers />
    </SellerSection>
  );
}

const days = (n: number) => `${n} ${pluralForm(n, { one: 'día', other: 'días' })}`;

/** The seller's suppliers (every seller's for an admin), a form to add one and, per row, to edit it in place. */
function Suppliers() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: SuppliersQuery });
  const [editing, setEditing] = useState<string | null>(null);
  if (!data && fetching) return <Loading label="Cargando tus proveedores…" />;
  if (!data) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const suppliers = data.suppliers;
  const current = suppliers.find((s) => s.id === editing);
  return (
    <>
      <ResponsiveTable
        caption="Tus proveedores"
        captionHidden
        rows={suppliers}
        rowKey={(supplier) => supplier.id}
        rowData={(supplier) => ({ 'data-testid': 'supplier', 'data-supplier-id': supplier.id })}
        empty="Aún no tienes proveedores. Agrega el primero para pedirle reabastecimiento."
        columns={[
          { header: 'Proveedor', rowHeader: true, cell: (supplier) => supplier.name },
          { header: 'Contacto', cell: (supplier) => (supplier.contactEmail ? <a href={`mailto:${supplier.contactEmail}`} className="break-anywhere">{supplier.contactEmail}</a> : <span className="muted">Sin correo</span>) },
          { header: 'Tiempo de entrega', cell: (supplier) => days(supplier.leadTimeDays) },
          {
            header: 'Acciones',
            cell: (supplier) => (
              <button type="button" className="button link" onClick={() => setEditing(supplier.id)}>
                Editar <span className="visually-hidden">{supplier.name}</span>
              </button>
            ),
          },
        ]}
      />
      {current ? <SupplierForm key={current.id} supplier={current} onDone={() => setEditing(null)} /> : <SupplierForm key="new" onDone={() => undefined} />}
    </>
  );
}

function SupplierForm({ supplier, onDone }: { supplier?: SupplierFieldsFragment; onDone: () => void }) {
  const [name, setName] = useState(supplier?.name ?? '');
  const [contactEmail, setContactEmail] = useState(supplier?.contactEmail ?? '');
  const [leadTimeDays, setLeadTimeDays] = useState(String(supplier?.leadTimeDays ?? 7));
  const [creating, createSupplier] = useMutation(CreateSupplierMutation);
  const [updating, updateSupplier] = useMutation(UpdateSupplierMutation);
  const [done, setDone] = useState<string | null>(null);
  const errors = (supplier ? updating.data?.updateSupplier.errors : creating.data?.createSupplier.errors) ?? [];
  const networkError = supplier ? updating.error : creating.error;
  const fieldError = (field: string) => {
    const error = errors.find((e) => e.field?.includes(field));
    return error && userErrorMessage(error);
  };
  return (
    <form
      className="panel card-form"
      aria-labelledby="supplier-form-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        setDone(null);
        const input = { name: name.trim(), contactEmail: contactEmail.trim() || null, leadTimeDays: Number.parseInt(leadTimeDays, 10) };
        if (supplier) {
          const result = await updateSupplier({ id: supplier.id, input });
          if (result.data?.updateSupplier.supplier) onDone();
        } else {
          const result = await createSupplier({ input });
          const created = result.data?.createSupplier.supplier;
          if (created) {
            setDone(`Proveedor «${created.name}» agregado.`);
            setName('');
            setContactEmail('');
          }
        }
      }}
    >
      <h2 id="supplier-form-heading">{supplier ? `Editar ${supplier.name}` : 'Nuevo proveedor'}</h2>
      <Field label="Nombre" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} error={fieldError('name')} />
      <Field label="Correo de contacto (opcional)" type="email" maxLength={254} value={contactEmail} onChange={(e) => setContactEmail(e.target.value)} error={fieldError('contactEmail')} />
      <Field
        label="Tiempo de entrega (días)"
        type="number"
        inputMode="numeric"
        min={0}
        max={365}
        step={1}
        required
        value={leadTimeDays}
        onChange={(e) => setLeadTimeDays(e.target.value)}
        hint="Desde que le envías el pedido hasta que recibes las unidades; las sugerencias de reabastecimiento cubren esos días de demanda."
        error={fieldError('leadTimeDays')}
      />
      <UserErrors errors={errors.filter((e) => !e.field?.some((part) => ['name', 'contactEmail', 'leadTimeDays'].includes(part)))} />
      {networkError && <p role="alert" className="field-error">{describeError(networkError)}</p>}
      {done && <p role="status" className="success">{done}</p>}
      <div className="actions">
        <button type="submit" className="button" disabled={creating.fetching || updating.fetching}>
          {supplier ? 'Guardar cambios' : 'Agregar proveedor'}
        </button>
        {supplier && (
          <button type="button" className="button secondary" onClick={onDone}>
            Cancelar
          </button>
        )}
      </div>
    </form>
  );
}

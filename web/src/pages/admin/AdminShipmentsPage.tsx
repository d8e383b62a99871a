import { useId } from 'react';
import { useMutation, useQuery } from 'urql';
import { AdminShipmentsQuery, AdvanceShipmentMutation } from '../../operations/addresses';
import type { ShipmentStatus } from '../../gql/graphql';
import { Link, useRouter } from '../../app/router';
import { ErrorState, Loading, describeError } from '../../components/states';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { formatDateTime } from '../../lib/dates';
import { ShipmentStatusText, shipmentStatusLabel } from '../../lib/labels';
import { AdminSection } from './AdminSection';

const STATUSES = Object.keys(shipmentStatusLabel) as ShipmentStatus[];

/** The one step each status allows (LABEL_CREATED -> IN_TRANSIT -> DELIVERED); its button says the new status. */
const NEXT: Partial<Record<ShipmentStatus, ShipmentStatus>> = { LABEL_CREATED: 'IN_TRANSIT', IN_TRANSIT: 'DELIVERED' };

/** Admins: shipments by status (in the address, ?estado=IN_TRANSIT); moving one moves its order (SHIPPED, DELIVERED). */
export function AdminShipmentsPage() {
  const { location, navigate } = useRouter();
  const raw = location.search.get('estado') ?? '';
  const status = (STATUSES as string[]).includes(raw) ? (raw as ShipmentStatus) : null;
  const id = useId();
  return (
    <AdminSection title="Envíos">
      <div className="filters" role="search" aria-label="Filtrar envíos">
        <div className="field">
          <label htmlFor={`${id}-status`}>Estado</label>
          <select id={`${id}-status`} value={status ?? ''} onChange={(e) => navigate(e.target.value ? `/admin/shipments?estado=${e.target.value}` : '/admin/shipments', { replace: true })}>
            <option value="">Todos</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {shipmentStatusLabel[value]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Shipments status={status} />
    </AdminSection>
  );
}

function Shipments({ status }: { status: ShipmentStatus | null }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminShipmentsQuery, variables: { status } });
  const [advancing, advance] = useMutation(AdvanceShipmentMutation);
  if (!data && fetching) return <Loading label="Cargando envíos…" />;
  if (!data) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  return (
    <>
      {advancing.error && <p role="alert" className="field-error">{describeError(advancing.error)}</p>}
      <ResponsiveTable
        caption="Envíos"
        captionHidden
        rows={data.shipments}
        rowKey={(shipment) => shipment.id}
        rowData={(shipment) => ({ 'data-testid': 'admin-shipment', 'data-status': shipment.status })}
        empty={status ? `No hay envíos en estado «${shipmentStatusLabel[status]}».` : 'Aún no hay envíos.'}
        columns={[
          { header: 'Guía', rowHeader: true, cell: (shipment) => <span className="break-anywhere">{shipment.trackingNumber}</span> },
          { header: 'Pedido', cell: (shipment) => <Link to={`/admin/orders/${shipment.order.id}`}>{shipment.order.number}</Link> },
          { header: 'Cliente', cell: (shipment) => shipment.order.customer.name },
          { header: 'Método', cell: (shipment) => `${shipment.method.name} (${shipment.method.carrier})` },
          { header: 'Estado', cell: (shipment) => <ShipmentStatusText status={shipment.status} /> },
          { header: 'Actualizado', cell: (shipment) => formatDateTime(shipment.updatedAt) },
          {
            header: 'Acciones',
            cell: (shipment) => {
              const next = NEXT[shipment.status];
              if (!next) return <span className="muted">—</span>;
              return (
                <button type="button" className="button secondary" disabled={advancing.fetching} onClick={() => advance({ id: shipment.id, status: next })}>
                  {/* Short on screen (a phone's stacked cell is narrow); the whole action for screen readers. */}
                  <span className="visually-hidden">Marcar como </span>
                  {shipmentStatusLabel[next]}
                  <span className="visually-hidden"> la guía {shipment.trackingNumber}</span>
                </button>
              );
            },
          },
        ]}
      />
    </>
  );
}

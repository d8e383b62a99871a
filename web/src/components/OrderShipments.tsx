import { useEffect, useRef } from 'react';
import { useQuery } from 'urql';
import { OrderShipmentsQuery } from '../operations/addresses';
import type { OrderStatus } from '../gql/graphql';
import { formatDateTime } from '../lib/dates';
import { ShipmentStatusText } from '../lib/labels';
import { ResponsiveTable } from './ResponsiveTable';
import { ErrorState } from './states';

/** How often, and how many times, a paid order without its shipment yet asks again (the label follows the payment). */
const LABEL_WAIT_MS = 2000;
const LABEL_TRIES = 15;

/**
 * An order's parcels: tracking number and status. A shipment's move is what changes the order's status (IN_TRANSIT
 * makes it SHIPPED, DELIVERED makes it DELIVERED), so each new order status reads them again. The first one is
 * created by the shipping service after the payment, a moment after the order turns PAID, and nothing pushes it:
 * a paid order without one asks a few times more.
 */
export function OrderShipments({ orderId, orderStatus }: { orderId: string; orderStatus: OrderStatus }) {
  const [{ data, error }, refetch] = useQuery({ query: OrderShipmentsQuery, variables: { id: orderId } });
  const shownFor = useRef(orderStatus);
  useEffect(() => {
    if (shownFor.current === orderStatus) return;
    shownFor.current = orderStatus;
    refetch({ requestPolicy: 'network-only' });
  }, [orderStatus, refetch]);
  const waitingForLabel = orderStatus === 'PAID' && data?.order?.shipments.length === 0;
  useEffect(() => {
    if (!waitingForLabel) return;
    let tries = 0;
    const timer = setInterval(() => {
      if (++tries >= LABEL_TRIES) clearInterval(timer);
      refetch({ requestPolicy: 'network-only' });
    }, LABEL_WAIT_MS);
    return () => clearInterval(timer);
  }, [waitingForLabel, refetch]);
  if (!data) return error ? <ErrorState error={error} title="No pudimos cargar el envío." retry={() => refetch({ requestPolicy: 'network-only' })} /> : null;
  const shipments = data.order?.shipments ?? [];
  if (!shipments.length) return null;
  return (
    <ResponsiveTable
      caption="Envíos"
      testId="shipments"
      rows={shipments}
      rowKey={(shipment) => shipment.id}
      rowData={(shipment) => ({ 'data-testid': 'shipment', 'data-status': shipment.status })}
      columns={[
        { header: 'Guía', rowHeader: true, cell: (shipment) => <span className="break-anywhere">{shipment.trackingNumber}</span> },
        { header: 'Transportadora', cell: (shipment) => `${shipment.method.name} (${shipment.method.carrier})` },
        { header: 'Estado', cell: (shipment) => <ShipmentStatusText status={shipment.status} /> },
        { header: 'Actualizado', cell: (shipment) => formatDateTime(shipment.updatedAt) },
      ]}
    />
  );
}

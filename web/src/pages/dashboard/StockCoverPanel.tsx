import { useQuery } from 'urql';
import { InventoryHealthQuery } from '../../operations/dashboard';
import { ChartFigure } from '../../components/charts/ChartFigure';
import { StockCoverChart, coverLabel } from '../../components/charts/StockCoverChart';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable';
import { ErrorState, Loading } from '../../components/states';
import { Link } from '../../app/router';
import type { InventoryHealthQuery as InventoryHealthData } from '../../gql/graphql';
import { formatDecimal, LOW_COVER_DAYS } from '../../lib/analytics';
import { countOf, formatCount, PRODUCT } from '../../lib/plurals';

type Health = InventoryHealthData['inventoryHealth'][number];

/** The chart shows this many products: the least cover first, then up to DEAD_CHARTED dead stock; the table has them all. */
const CHARTED = 15;
const DEAD_CHARTED = 5;

function charted(rows: readonly Health[]): Health[] {
  const dead = rows.filter((row) => row.deadStock).slice(0, DEAD_CHARTED);
  return [...rows.filter((row) => !row.deadStock).slice(0, CHARTED - dead.length), ...dead];
}

function healthState(row: Health): { key: 'dead' | 'low' | 'ok' | 'unsold'; label: string } {
  if (row.deadStock) return { key: 'dead', label: 'Sin ventas en 30 días' };
  if (row.daysOfCover === null) return { key: 'unsold', label: 'Sin datos de venta' };
  if (row.daysOfCover <= LOW_COVER_DAYS) return { key: 'low', label: 'Reabastecer pronto' };
  return { key: 'ok', label: 'Suficiente' };
}

/** Stock cover (days of stock left at the last 30 days' pace), dead stock flagged: the viewer's products, or all for an admin. */
export function StockCoverPanel({ showSeller = false, linkTo }: { showSeller?: boolean; linkTo: (id: string) => string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: InventoryHealthQuery, requestPolicy: 'cache-and-network' });
  if (!data && fetching) return <Loading label="Cargando la cobertura de existencias…" />;
  if (!data) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const rows = data.inventoryHealth;
  const dead = rows.filter((row) => row.deadStock).length;
  const low = rows.filter((row) => healthState(row).key === 'low').length;
  const chart = charted(rows);
  const columns: Column<Health>[] = [
    { header: 'Producto', cell: (row) => <Link to={linkTo(row.product.id)}>{row.product.name}</Link>, rowHeader: true },
    ...(showSeller ? [{ header: 'Vendedor', cell: (row: Health) => row.product.seller.name }] : []),
    { header: 'Disponibles', cell: (row) => formatCount(row.available) },
    { header: 'Días de cobertura', cell: (row) => coverLabel(row) },
    { header: 'Rotación (30 días)', cell: (row) => formatDecimal(row.turnover) },
    {
      header: 'Estado',
      cell: (row) => {
        const state = healthState(row);
        return (
          <span className={`badge cover-${state.key}`} data-state={state.key}>
            {state.label}
          </span>
        );
      },
    },
  ];
  return (
    <ChartFigure
      title="Cobertura de existencias"
      testId="stock-cover"
      description={`Días que duran las existencias al ritmo de venta de los últimos 30 días: ${chart.length < rows.length ? `${chart.length} de ${countOf(rows.length, PRODUCT)}, los de menos cobertura y los quietos` : countOf(rows.length, PRODUCT)}. ${countOf(low, PRODUCT)} con ${LOW_COVER_DAYS} días o menos (en ámbar); ${countOf(dead, PRODUCT)} con existencias y sin ventas en 30 días (inventario quieto, en rojo).`}
      table={
        <ResponsiveTable
          caption="Cobertura de existencias por producto, la menor primero"
          empty="Aún no hay existencias registradas."
          rows={rows}
          rowKey={(row) => row.product.id}
          rowData={(row) => ({ 'data-testid': 'stock-cover-row', 'data-product-id': row.product.id, 'data-dead-stock': row.deadStock })}
          columns={columns}
        />
      }
    >
      <StockCoverChart rows={chart.map((row) => ({ name: row.product.name, daysOfCover: row.daysOfCover, deadStock: row.deadStock }))} />
    </ChartFigure>
  );
}

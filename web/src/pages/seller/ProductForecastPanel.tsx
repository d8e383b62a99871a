import { useId } from 'react';
import { useQuery } from 'urql';
import { DemandForecastQuery, SellerForecastProductsQuery } from '../../operations/dashboard';
import { useRouter } from '../../app/router';
import { useSession } from '../../app/session';
import { ForecastChart } from '../../components/charts/ForecastChart';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { Empty, ErrorState, Loading } from '../../components/states';
import { formatDay, formatDecimal } from '../../lib/analytics';
import { formatDateTime } from '../../lib/dates';
import { countOf, formatCount, UNIT } from '../../lib/plurals';
import { ForecastAccuracy } from '../dashboard/ForecastFacts';

/**
 * A product picker (the seller's own products; ?producto= in the address) and its demand forecast: the chart with
 * its uncertainty band, the stock-out and reorder suggestion (overall and per warehouse), and the model's accuracy.
 * Without a choice it shows `suggestedId` (the range's best seller) or the first product.
 */
export function ProductForecastPanel({ suggestedId }: { suggestedId?: string }) {
  const { viewer } = useSession();
  const { location, navigate } = useRouter();
  const selectId = useId();
  const [{ data, fetching, error }, refetch] = useQuery({ query: SellerForecastProductsQuery, variables: { sellerId: viewer!.id } });
  if (!data && fetching) return <Loading label="Cargando tus productos…" />;
  if (!data) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const products = data.products.edges.map((edge) => edge.node);
  if (!products.length) return <Empty><p>Aún no tienes productos que pronosticar.</p></Empty>;
  const chosen = location.search.get('producto');
  const productId = [chosen, suggestedId].find((id) => id && products.some((p) => p.id === id)) ?? products[0]!.id;
  return (
    <>
      <div className="field">
        <label htmlFor={selectId}>Producto</label>
        <select
          id={selectId}
          value={productId}
          onChange={(event) => {
            const search = new URLSearchParams(location.search);
            search.set('producto', event.target.value);
            navigate(`${location.path}?${search}`, { replace: true });
          }}
        >
          {products.map((product) => (
            <option key={product.id} value={product.id}>
              {product.name}
            </option>
          ))}
        </select>
      </div>
      <ProductForecast key={productId} productId={productId} />
    </>
  );
}

function ProductForecast({ productId }: { productId: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: DemandForecastQuery, variables: { productId } });
  if (!data && fetching) return <Loading label="Cargando el pronóstico…" />;
  if (!data) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const forecast = data.demandForecast;
  if (!forecast)
    return (
      <Empty>
        <p data-testid="forecast-missing">Este producto aún no tiene pronóstico: se calcula en el próximo lote de pronósticos.</p>
      </Empty>
    );
  const expectedTotal = forecast.points.reduce((sum, point) => sum + point.expected, 0);
  return (
    <div data-testid="product-forecast" data-product-id={forecast.product.id}>
      <dl className="kpis">
        <div className="kpi">
          <dt>Demanda esperada ({forecast.days} días)</dt>
          <dd>{countOf(Math.round(expectedTotal), UNIT)}</dd>
        </div>
        <div className="kpi" data-testid="forecast-stockout" data-value={forecast.predictedStockout ?? ''}>
          <dt>Se agota</dt>
          <dd>{forecast.predictedStockout ? formatDay(forecast.predictedStockout) : `No en ${forecast.days} días`}</dd>
        </div>
        <div className="kpi" data-testid="forecast-reorder" data-value={forecast.suggestedReorder}>
          <dt>Pedido sugerido</dt>
          <dd>{forecast.suggestedReorder > 0 ? countOf(forecast.suggestedReorder, UNIT) : 'Nada por ahora'}</dd>
        </div>
      </dl>
      <ForecastChart title={`Demanda esperada de ${forecast.product.name}`} points={forecast.points} stockout={forecast.predictedStockout} testId="forecast-chart" />
      <ForecastAccuracy accuracy={forecast.accuracy} models={forecast.models} />
      {forecast.warehouses.length > 0 && (
        <ResponsiveTable
          caption="Por bodega"
          rows={forecast.warehouses}
          rowKey={(row) => row.warehouse.id}
          columns={[
            { header: 'Bodega', cell: (row) => row.warehouse.name, rowHeader: true },
            { header: 'Disponibles', cell: (row) => formatCount(row.available) },
            { header: 'Se agota', cell: (row) => (row.predictedStockout ? formatDay(row.predictedStockout) : `No en ${forecast.days} días`) },
            { header: 'Pedido sugerido', cell: (row) => countOf(row.suggestedReorder, UNIT) },
          ]}
        />
      )}
      {forecast.computedAt && <p className="muted">Calculado el {formatDateTime(forecast.computedAt)}; demanda media {formatDecimal(expectedTotal / Math.max(1, forecast.days))} unidades por día.</p>}
    </div>
  );
}

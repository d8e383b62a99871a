import { useQuery } from 'urql';
import { SellerSalesSummaryQuery } from '../../operations/dashboard';
import { ErrorState, Loading } from '../../components/states';
import { RangeControls, useDashboardRange, type DashboardRange } from '../dashboard/range';
import { SalesTrend } from '../dashboard/SalesTrend';
import { SalesTotals } from '../dashboard/SalesTotals';
import { StockCoverPanel } from '../dashboard/StockCoverPanel';
import { TopProductsTable } from '../dashboard/TopProductsTable';
import { RANGES, formatDay } from '../../lib/analytics';
import { ProductForecastPanel } from './ProductForecastPanel';
import { SellerSection } from './SellerSection';

const productLink = (id: string) => `/seller/products/${id}`;

/** The seller's own sales, best sellers, a product's demand forecast and the stock cover: their products only (the API scopes it). */
export function SellerDashboardPage() {
  return (
    <SellerSection title="Panel de ventas">
      <SellerDashboard />
    </SellerSection>
  );
}

function SellerDashboard() {
  const range = useDashboardRange();
  return (
    <div className="dashboard" data-testid="seller-dashboard">
      <RangeControls range={range} />
      <SellerSummary range={range} />
      <section aria-labelledby="forecast-heading" className="panel">
        <h2 id="forecast-heading">Pronóstico de demanda</h2>
        <p className="muted">Los próximos 30 días de un producto, con su margen de incertidumbre, cuándo se agotaría y cuánto pedir.</p>
        <ForecastForBestSeller range={range} />
      </section>
      <section aria-labelledby="cover-heading" className="panel">
        <h2 id="cover-heading">Existencias</h2>
        <StockCoverPanel linkTo={productLink} />
      </section>
    </div>
  );
}

function SellerSummary({ range }: { range: DashboardRange }) {
  // Figures change with every order: shown from the cache at once, then refreshed.
  const [{ data, fetching, error }, refetch] = useQuery({ query: SellerSalesSummaryQuery, variables: { from: range.from, to: range.to }, requestPolicy: 'cache-and-network' });
  return (
    <>
      <section aria-labelledby="sales-heading" className="panel">
        <h2 id="sales-heading">Ventas de los últimos {RANGES[range.key].label}</h2>
        {!data && fetching ? (
          <Loading label="Cargando tus ventas…" />
        ) : !data ? (
          <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
        ) : (
          <>
            <p className="muted">
              Del {formatDay(data.salesReport.from)} al {formatDay(new Date(Date.parse(data.salesReport.to) - 1).toISOString())}, solo tus productos. Se cuentan al pagarse el pedido y se descuentan al
              reembolsarse.
            </p>
            <SalesTotals totals={data.salesReport.totals} />
          </>
        )}
        <SalesTrend range={range} title="Ventas en el tiempo" />
      </section>
      {data && (
        <section aria-labelledby="top-heading" className="panel">
          <h2 id="top-heading">Productos más vendidos</h2>
          <p className="muted">La ganancia resta el costo que registraste en cada producto.</p>
          <TopProductsTable rows={data.salesReport.topProducts} linkTo={productLink} />
        </section>
      )}
    </>
  );
}

/** The forecast panel, starting on the range's best seller (read from the cached summary). */
function ForecastForBestSeller({ range }: { range: DashboardRange }) {
  const [{ data, fetching }] = useQuery({ query: SellerSalesSummaryQuery, variables: { from: range.from, to: range.to } });
  // Waits for the summary so the picker does not start on one product and jump to another.
  if (!data && fetching) return <Loading label="Cargando tus productos…" />;
  return <ProductForecastPanel suggestedId={data?.salesReport.topProducts[0]?.product.id} />;
}

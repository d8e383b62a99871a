import { useId } from 'react';
import { useQuery } from 'urql';
import { AdminSalesSummaryQuery, CategoryForecastQuery } from '../../operations/dashboard';
import { CategoriesQuery } from '../../operations/catalog';
import { useRouter } from '../../app/router';
import { ForecastChart } from '../../components/charts/ForecastChart';
import { Price } from '../../components/Price';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { Empty, ErrorState, Loading } from '../../components/states';
import { RANGES, formatDay, formatPercent } from '../../lib/analytics';
import { formatCount } from '../../lib/plurals';
import { ForecastAccuracy } from '../dashboard/ForecastFacts';
import { RangeControls, useDashboardRange, type DashboardRange } from '../dashboard/range';
import { SalesTotals } from '../dashboard/SalesTotals';
import { SalesTrend } from '../dashboard/SalesTrend';
import { StockCoverPanel } from '../dashboard/StockCoverPanel';
import { TopProductsTable } from '../dashboard/TopProductsTable';
import { AdminSection } from './AdminSection';

const productLink = (id: string) => `/products/${id}`;

/** Admins: the shop's sales over every seller, best products and categories, customers, stock cover and category demand. */
export function AdminDashboardPage() {
  return (
    <AdminSection title="Panel">
      <AdminDashboard />
    </AdminSection>
  );
}

function AdminDashboard() {
  const range = useDashboardRange();
  return (
    <div className="dashboard" data-testid="admin-dashboard">
      <RangeControls range={range} />
      <AdminSummary range={range} />
      <section aria-labelledby="category-forecast-heading" className="panel">
        <h2 id="category-forecast-heading">Pronóstico por categoría</h2>
        <CategoryForecastPanel />
      </section>
      <section aria-labelledby="cover-heading" className="panel">
        <h2 id="cover-heading">Existencias de todos los vendedores</h2>
        <StockCoverPanel showSeller linkTo={productLink} />
      </section>
    </div>
  );
}

function AdminSummary({ range }: { range: DashboardRange }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: AdminSalesSummaryQuery, variables: { from: range.from, to: range.to }, requestPolicy: 'cache-and-network' });
  const report = data?.salesReport;
  return (
    <>
      <section aria-labelledby="sales-heading" className="panel">
        <h2 id="sales-heading">Ventas de los últimos {RANGES[range.key].label}</h2>
        {!report && fetching ? (
          <Loading label="Cargando las ventas…" />
        ) : !report ? (
          <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
        ) : (
          <>
            <p className="muted">
              Del {formatDay(report.from)} al {formatDay(new Date(Date.parse(report.to) - 1).toISOString())}, todos los vendedores.
            </p>
            <SalesTotals
              totals={report.totals}
              extra={
                <>
                  <div className="kpi" data-testid="repeat-customer-rate" data-value={report.repeatCustomerRate}>
                    <dt>Clientes que repiten</dt>
                    <dd>{formatPercent(report.repeatCustomerRate)}</dd>
                  </div>
                  <div className="kpi" data-testid="conversion-rate" data-value={report.conversionRate}>
                    <dt>Pedidos que se pagan</dt>
                    <dd>{formatPercent(report.conversionRate)}</dd>
                  </div>
                </>
              }
            />
          </>
        )}
        <SalesTrend range={range} title="Ventas de la tienda en el tiempo" />
      </section>
      {report && (
        <>
          <section aria-labelledby="top-categories-heading" className="panel">
            <h2 id="top-categories-heading">Categorías más vendidas</h2>
            <ResponsiveTable
              caption="Categorías por ingresos"
              captionHidden
              empty="Ninguna categoría vendió en este periodo."
              rows={report.topCategories}
              rowKey={(row) => row.category.id}
              rowData={(row) => ({ 'data-testid': 'top-category', 'data-category-id': row.category.id })}
              columns={[
                { header: 'Categoría', cell: (row) => row.category.name, rowHeader: true },
                { header: 'Unidades', cell: (row) => formatCount(row.units) },
                { header: 'Ingresos', cell: (row) => <Price money={row.revenue} /> },
              ]}
            />
          </section>
          <section aria-labelledby="top-heading" className="panel">
            <h2 id="top-heading">Productos más vendidos</h2>
            <TopProductsTable rows={report.topProducts} linkTo={productLink} showSeller />
          </section>
        </>
      )}
    </>
  );
}

/** A category picker (?categoria= in the address) and the category's expected demand over every seller. */
function CategoryForecastPanel() {
  const { location, navigate } = useRouter();
  const selectId = useId();
  const [{ data, fetching, error }, refetch] = useQuery({ query: CategoriesQuery });
  if (!data && fetching) return <Loading label="Cargando las categorías…" />;
  if (!data) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!data.categories.length) return <Empty><p>Aún no hay categorías.</p></Empty>;
  const chosen = location.search.get('categoria');
  const categoryId = data.categories.some((c) => c.id === chosen) ? chosen! : data.categories[0]!.id;
  return (
    <>
      <div className="field">
        <label htmlFor={selectId}>Categoría</label>
        <select
          id={selectId}
          value={categoryId}
          onChange={(event) => {
            const search = new URLSearchParams(location.search);
            search.set('categoria', event.target.value);
            navigate(`${location.path}?${search}`, { replace: true });
          }}
        >
          {data.categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.name}
            </option>
          ))}
        </select>
      </div>
      <CategoryForecast key={categoryId} categoryId={categoryId} />
    </>
  );
}

function CategoryForecast({ categoryId }: { categoryId: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: CategoryForecastQuery, variables: { categoryId } });
  if (!data && fetching) return <Loading label="Cargando el pronóstico…" />;
  if (!data) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const forecast = data.categoryForecast;
  if (!forecast) return <Empty><p>Esta categoría aún no tiene pronóstico: se calcula en el próximo lote de pronósticos.</p></Empty>;
  return (
    <div data-testid="category-forecast" data-category-id={forecast.category.id}>
      <ForecastChart title={`Demanda esperada de ${forecast.category.name}`} points={forecast.points} testId="category-forecast-chart" />
      <ForecastAccuracy accuracy={forecast.accuracy} models={forecast.models} />
    </div>
  );
}

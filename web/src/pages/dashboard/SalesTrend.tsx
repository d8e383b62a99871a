import { useQuery } from 'urql';
import { SalesSeriesQuery } from '../../operations/dashboard';
import { SalesChart } from '../../components/charts/SalesChart';
import { ErrorState, Loading } from '../../components/states';
import type { DashboardRange } from './range';

/** Sales over the range in the chosen granularity (its own query: a new grouping reloads only this). */
export function SalesTrend({ range, title }: { range: DashboardRange; title: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: SalesSeriesQuery, variables: { from: range.from, to: range.to, granularity: range.granularity }, requestPolicy: 'cache-and-network' });
  if (!data && fetching) return <Loading label="Cargando las ventas…" />;
  if (!data) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  return <SalesChart series={data.salesReport.series} granularity={range.granularity} title={title} />;
}

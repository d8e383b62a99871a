import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { Granularity, SalesFiguresFragment as SalesFigures } from '../../gql/graphql';
import { formatMoneyCompact, formatPeriod, formatPeriodTick, granularityLabel, moneyValue } from '../../lib/analytics';
import { formatMoney } from '../../lib/money';
import { formatCount } from '../../lib/plurals';
import { ResponsiveTable } from '../ResponsiveTable';
import { Price } from '../Price';
import { CHART_COLORS, ChartFigure, legendText } from './ChartFigure';

const UNITS = 'Unidades';
const REVENUE = 'Ingresos';

/** Revenue per period as bars (left scale, money) and units as a line (right scale), with the table beside it. */
export function SalesChart({ series, granularity, title }: { series: readonly SalesFigures[]; granularity: Granularity; title: string }) {
  const currency = series[0]?.revenue.currency ?? 'COP';
  const rows = series.map((point) => ({ ...point, revenueValue: moneyValue(point.revenue) }));
  const best = rows.reduce<(typeof rows)[number] | null>((top, row) => (!top || row.revenueValue > top.revenueValue ? row : top), null);
  const description = best
    ? `Ingresos (barras) y unidades vendidas (línea) ${granularityLabel[granularity].toLowerCase()}, ${rows.length} periodos. El de más ingresos: ${formatPeriod(best.period, granularity)}, ${formatMoney(best.revenue)}.`
    : 'Sin ventas en este periodo.';
  return (
    <ChartFigure
      title={title}
      description={description}
      testId="sales-chart"
      table={
        <ResponsiveTable
          caption={`${title}, ${granularityLabel[granularity].toLowerCase()}`}
          rows={series}
          rowKey={(point) => point.period}
          rowData={(point) => ({ 'data-testid': 'sales-period', 'data-period': point.period, 'data-units': point.units, 'data-revenue': point.revenue.amount })}
          columns={[
            { header: 'Periodo', cell: (point) => formatPeriod(point.period, granularity), rowHeader: true },
            { header: 'Pedidos', cell: (point) => formatCount(point.orders) },
            { header: UNITS, cell: (point) => formatCount(point.units) },
            { header: REVENUE, cell: (point) => <Price money={point.revenue} /> },
            { header: 'Compra promedio', cell: (point) => <Price money={point.averageBasket} /> },
          ]}
        />
      }
    >
      <ComposedChart responsive data={rows} style={{ width: '100%', height: 300 }} margin={{ top: 8, right: 4, bottom: 4, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis dataKey="period" tickFormatter={(period: string) => formatPeriodTick(period, granularity)} minTickGap={18} tick={{ fill: CHART_COLORS.text, fontSize: 12 }} />
        <YAxis yAxisId="revenue" tickFormatter={(value: number) => formatMoneyCompact(value, currency)} width={64} tick={{ fill: CHART_COLORS.text, fontSize: 12 }} />
        <YAxis yAxisId="units" orientation="right" allowDecimals={false} width={36} tick={{ fill: CHART_COLORS.text, fontSize: 12 }} />
        <Tooltip
          labelFormatter={(period) => formatPeriod(String(period), granularity)}
          formatter={(value, name, item) => (name === REVENUE ? formatMoney((item.payload as (typeof rows)[number]).revenue) : formatCount(Number(value)))}
        />
        <Legend formatter={legendText} />
        <Bar yAxisId="revenue" dataKey="revenueValue" name={REVENUE} fill={CHART_COLORS.revenue} isAnimationActive={false} />
        <Line yAxisId="units" dataKey="units" name={UNITS} stroke={CHART_COLORS.units} strokeWidth={2} dot={false} type="monotone" isAnimationActive={false} />
      </ComposedChart>
    </ChartFigure>
  );
}

import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDay, formatDecimal, formatShortDay } from '../../lib/analytics';
import { ResponsiveTable } from '../ResponsiveTable';
import { CHART_COLORS, ChartFigure, legendText } from './ChartFigure';

export interface ForecastPoint {
  date: string;
  expected: number;
  lower: number;
  upper: number;
}

const EXPECTED = 'Demanda esperada';
const BAND = 'Intervalo del 80 %';

/** Expected units per day as a line inside its 80% uncertainty band; the predicted stock-out day marked. */
export function ForecastChart({ title, points, stockout, testId }: { title: string; points: readonly ForecastPoint[]; stockout?: string | null; testId?: string }) {
  const rows = points.map((point) => ({ ...point, band: [point.lower, point.upper] as [number, number] }));
  const total = points.reduce((sum, point) => sum + point.expected, 0);
  // The reference line sits on a category of the axis: the forecast day the stock-out falls on.
  const stockoutDay = stockout ? points.find((point) => point.date.slice(0, 10) === stockout.slice(0, 10))?.date : undefined;
  const first = points[0];
  const last = points[points.length - 1];
  const description =
    first && last
      ? `Unidades por día del ${formatDay(first.date)} al ${formatDay(last.date)}: ${formatDecimal(total)} en total según lo esperado, con la banda del 80 % de probabilidad alrededor.${stockout ? ` Las existencias se agotarían el ${formatDay(stockout)}.` : ''}`
      : 'Sin pronóstico.';
  return (
    <ChartFigure
      title={title}
      description={description}
      testId={testId}
      table={
        <ResponsiveTable
          caption={title}
          rows={points}
          rowKey={(point) => point.date}
          rowData={(point) => ({ 'data-testid': 'forecast-point', 'data-date': point.date, 'data-expected': point.expected })}
          columns={[
            { header: 'Día', cell: (point) => formatDay(point.date), rowHeader: true },
            { header: 'Esperado', cell: (point) => formatDecimal(point.expected) },
            { header: 'Mínimo (80 %)', cell: (point) => formatDecimal(point.lower) },
            { header: 'Máximo (80 %)', cell: (point) => formatDecimal(point.upper) },
          ]}
        />
      }
    >
      <ComposedChart responsive data={rows} style={{ width: '100%', height: 280 }} margin={{ top: 16, right: 8, bottom: 4, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
        <XAxis dataKey="date" tickFormatter={(date: string) => formatShortDay(date)} minTickGap={18} tick={{ fill: CHART_COLORS.text, fontSize: 12 }} />
        <YAxis width={40} tickFormatter={(value: number) => formatDecimal(value)} tick={{ fill: CHART_COLORS.text, fontSize: 12 }} />
        <Tooltip
          labelFormatter={(date) => formatDay(String(date))}
          formatter={(value) => (Array.isArray(value) ? `${formatDecimal(Number(value[0]))} – ${formatDecimal(Number(value[1]))}` : formatDecimal(Number(value)))}
        />
        <Legend formatter={legendText} />
        <Area dataKey="band" name={BAND} fill={CHART_COLORS.band} stroke="none" fillOpacity={1} isAnimationActive={false} />
        <Line dataKey="expected" name={EXPECTED} stroke={CHART_COLORS.expected} strokeWidth={2} dot={false} type="monotone" isAnimationActive={false} />
        {stockoutDay && <ReferenceLine x={stockoutDay} stroke={CHART_COLORS.stockout} strokeDasharray="4 3" label={{ value: 'Se agota', position: 'insideTopRight', fill: CHART_COLORS.stockout, fontSize: 12 }} />}
      </ComposedChart>
    </ChartFigure>
  );
}

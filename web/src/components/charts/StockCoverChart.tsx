import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, XAxis, YAxis, type CartesianViewBox, type LabelProps, type YAxisTickContentProps } from 'recharts';
import { formatDecimal, LOW_COVER_DAYS } from '../../lib/analytics';
import { CHART_COLORS } from './ChartFigure';

export interface CoverRow {
  name: string;
  daysOfCover: number | null;
  deadStock: boolean;
}

/** Beyond this many days every bar is drawn the same length (its label keeps the real figure). */
const SCALE_CAP_DAYS = 90;

const shortName = (name: string) => (name.length > 24 ? `${name.slice(0, 23)}…` : name);

export function coverLabel(row: Pick<CoverRow, 'daysOfCover' | 'deadStock'>): string {
  if (row.deadStock) return 'sin ventas';
  if (row.daysOfCover === null) return 'sin datos';
  return row.daysOfCover === 0 ? 'agotado' : `${formatDecimal(row.daysOfCover)} d`;
}

// Plain <text> for names and figures: recharts' own would wrap them onto two lines inside a fixed width.
const NameTick = ({ x, y, payload }: YAxisTickContentProps) => (
  <text x={x} y={y} dx={-6} dy={4} textAnchor="end" fill={CHART_COLORS.text} fontSize={12}>
    {String(payload.value)}
  </text>
);

function BarEndLabel({ viewBox, value }: LabelProps) {
  const box = viewBox as CartesianViewBox | undefined;
  if (!box || box.x === undefined || box.y === undefined) return null;
  return (
    <text x={box.x + (box.width ?? 0) + 6} y={box.y + (box.height ?? 0) / 2} dy={4} fill={CHART_COLORS.text} fontSize={12}>
      {String(value)}
    </text>
  );
}

/**
 * Days of cover as horizontal bars: low cover (at most LOW_COVER_DAYS) in amber, the rest in green; dead stock (in
 * stock, nothing sold: cover without end) as a full-length red bar.
 */
export function StockCoverChart({ rows }: { rows: readonly CoverRow[] }) {
  const data = rows.map((row) => ({
    name: shortName(row.name),
    cover: row.deadStock ? SCALE_CAP_DAYS : Math.min(row.daysOfCover ?? 0, SCALE_CAP_DAYS),
    label: coverLabel(row),
    color: row.deadStock ? CHART_COLORS.dead : row.daysOfCover !== null && row.daysOfCover <= LOW_COVER_DAYS ? CHART_COLORS.warn : CHART_COLORS.ok,
  }));
  return (
    <BarChart responsive layout="vertical" data={data} style={{ width: '100%', height: 40 + data.length * 30 }} margin={{ top: 4, right: 76, bottom: 4, left: 4 }} accessibilityLayer={false}>
      <CartesianGrid stroke={CHART_COLORS.grid} horizontal={false} />
      <XAxis type="number" domain={[0, SCALE_CAP_DAYS]} tickFormatter={(value: number) => `${value} d`} tick={{ fill: CHART_COLORS.text, fontSize: 12 }} />
      <YAxis type="category" dataKey="name" width={170} interval={0} tick={NameTick} />
      <ReferenceLine x={LOW_COVER_DAYS} stroke={CHART_COLORS.warn} strokeDasharray="4 3" />
      {/* minPointSize: a sold-out product still gets a sliver, and its label. */}
      <Bar dataKey="cover" barSize={18} minPointSize={3} isAnimationActive={false}>
        {data.map((row, i) => (
          <Cell key={i} fill={row.color} />
        ))}
        <LabelList dataKey="label" content={BarEndLabel} />
      </Bar>
    </BarChart>
  );
}

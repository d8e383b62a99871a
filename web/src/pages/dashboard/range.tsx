import { useMemo } from 'react';
import { useRouter } from '../../app/router';
import type { Granularity } from '../../gql/graphql';
import { DEFAULT_RANGE, GRANULARITIES, granularityLabel, isGranularity, isRangeKey, RANGES, rangeOf, type RangeKey } from '../../lib/analytics';

/** What the dashboard covers, kept in the address (?rango=30d|90d|12m&por=DAY|WEEK|MONTH) so a view can be shared. */
export interface DashboardRange {
  key: RangeKey;
  granularity: Granularity;
  from: string;
  to: string;
}

const DEFAULT_GRANULARITY: Granularity = 'WEEK';

export function useDashboardRange(): DashboardRange & { set(change: { key?: RangeKey; granularity?: Granularity }): void } {
  const { location, navigate } = useRouter();
  const rango = location.search.get('rango');
  const por = location.search.get('por');
  const key = isRangeKey(rango) ? rango : DEFAULT_RANGE;
  const granularity = isGranularity(por) ? por : DEFAULT_GRANULARITY;
  // The day's ends, so the same report is asked for (and cached) all day.
  const { from, to } = useMemo(() => rangeOf(key), [key]);
  return {
    key,
    granularity,
    from,
    to,
    set(change) {
      const search = new URLSearchParams(location.search);
      if (change.key) search.set('rango', change.key);
      if (change.granularity) search.set('por', change.granularity);
      navigate(`${location.path}?${search}`, { replace: true });
    },
  };
}

/** Two groups of radio buttons, drawn as segmented switches: the range and how the series is grouped. */
export function RangeControls({ range }: { range: ReturnType<typeof useDashboardRange> }) {
  return (
    <div className="dashboard-controls">
      <fieldset className="segmented">
        <legend>Periodo: últimos</legend>
        {(Object.keys(RANGES) as RangeKey[]).map((key) => (
          <label key={key}>
            <input type="radio" name="dashboard-range" value={key} checked={range.key === key} onChange={() => range.set({ key })} />
            <span>{RANGES[key].label}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="segmented">
        <legend>Agrupar ventas</legend>
        {GRANULARITIES.map((granularity) => (
          <label key={granularity}>
            <input type="radio" name="dashboard-granularity" value={granularity} checked={range.granularity === granularity} onChange={() => range.set({ granularity })} />
            <span>{granularityLabel[granularity]}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}

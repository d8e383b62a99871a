import type { ReactNode } from 'react';
import type { SalesFiguresFragment as SalesFigures } from '../../gql/graphql';
import { Price } from '../../components/Price';
import { formatCount } from '../../lib/plurals';

/** The range's totals as figure cards; `extra` adds cards (the admin's customer rates). */
export function SalesTotals({ totals, extra }: { totals: SalesFigures; extra?: ReactNode }) {
  return (
    <dl className="kpis" data-testid="sales-totals">
      <div className="kpi" data-testid="total-revenue" data-value={totals.revenue.amount}>
        <dt>Ingresos</dt>
        <dd>
          <Price money={totals.revenue} />
        </dd>
      </div>
      <div className="kpi" data-testid="total-units" data-value={totals.units}>
        <dt>Unidades vendidas</dt>
        <dd>{formatCount(totals.units)}</dd>
      </div>
      <div className="kpi" data-testid="total-orders" data-value={totals.orders}>
        <dt>Pedidos pagados</dt>
        <dd>{formatCount(totals.orders)}</dd>
      </div>
      <div className="kpi" data-testid="total-basket" data-value={totals.averageBasket.amount}>
        <dt>Compra promedio</dt>
        <dd>
          <Price money={totals.averageBasket} />
        </dd>
      </div>
      {extra}
    </dl>
  );
}

import { countOf, formatCount, pluralForm } from '../lib/plurals';

/** One stock text, the same in the catalog, product page and cart: sold out, "only N left" when low, or N available. */
export function StockBadge({ stock }: { stock: { available: number; lowStock: boolean } }) {
  if (stock.available <= 0)
    return (
      <span className="badge badge-out" data-testid="stock-badge" data-available={0}>
        Agotado
      </span>
    );
  if (stock.lowStock)
    return (
      <span className="badge badge-low" data-testid="stock-badge" data-available={stock.available}>
        ¡Solo {pluralForm(stock.available, { one: 'queda', other: 'quedan' })} {formatCount(stock.available)}!
      </span>
    );
  return (
    <span className="badge badge-ok" data-testid="stock-badge" data-available={stock.available}>
      {countOf(stock.available, { one: 'disponible', other: 'disponibles' })}
    </span>
  );
}

/** Sold out, "only N left" when low, or in stock: the same words in the catalog, product page and cart. */
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
        ¡Solo quedan {stock.available}!
      </span>
    );
  return (
    <span className="badge badge-ok" data-testid="stock-badge" data-available={stock.available}>
      Disponible ({stock.available})
    </span>
  );
}

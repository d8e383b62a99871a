import { Link } from '../../app/router';
import { Price } from '../../components/Price';
import { ResponsiveTable, type Column } from '../../components/ResponsiveTable';
import type { MoneyLike } from '../../lib/money';
import { formatCount } from '../../lib/plurals';

interface TopProduct {
  product: { id: string; name: string; seller?: { name: string } };
  units: number;
  revenue: MoneyLike;
  profit: MoneyLike | null;
}

/** Best sellers by revenue; profit where the seller set a cost price. `linkTo` gives each product's link. */
export function TopProductsTable({ rows, linkTo, showSeller = false }: { rows: readonly TopProduct[]; linkTo: (id: string) => string; showSeller?: boolean }) {
  const columns: Column<TopProduct>[] = [
    { header: 'Producto', cell: (row) => <Link to={linkTo(row.product.id)}>{row.product.name}</Link>, rowHeader: true },
    ...(showSeller ? [{ header: 'Vendedor', cell: (row: TopProduct) => row.product.seller?.name ?? '' }] : []),
    { header: 'Unidades', cell: (row) => formatCount(row.units) },
    { header: 'Ingresos', cell: (row) => <Price money={row.revenue} /> },
    {
      header: 'Ganancia',
      cell: (row) => (row.profit ? <Price money={row.profit} className={row.profit.amount.startsWith('-') ? 'price negative' : 'price'} /> : <span className="muted">Sin costo registrado</span>),
    },
  ];
  return (
    <ResponsiveTable
      caption="Productos más vendidos por ingresos"
      captionHidden
      empty="Ningún producto se vendió en este periodo."
      rows={rows}
      rowKey={(row) => row.product.id}
      rowData={(row) => ({ 'data-testid': 'top-product', 'data-product-id': row.product.id, 'data-units': row.units, 'data-revenue': row.revenue.amount })}
      columns={columns}
    />
  );
}

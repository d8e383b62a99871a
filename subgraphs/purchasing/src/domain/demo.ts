import { demo, stableId } from '@shop/demo-store';

// A leaf module (@shop/purchasing/demo): tests elsewhere name the demo suppliers by these ids.

export interface DemoSupplier {
  id: string;
  sellerId: string;
  name: string;
  contactEmail: string;
  leadTimeDays: number;
  /** The categories whose items 2 to 4 (not the first: tests lean on it) are restocked from this supplier. */
  categorySlugs: string[];
}

const [wayuu, raquira, mompox] = demo.sellers;
const supplier = (key: string, sellerId: string, name: string, contactEmail: string, leadTimeDays: number, categorySlugs: string[]): DemoSupplier => ({
  id: stableId('supplier', key), sellerId, name, contactEmail, leadTimeDays, categorySlugs,
});

export const demoSuppliers: DemoSupplier[] = [
  supplier('hilos-guajira', wayuu.id, 'Hilos y Tintes de La Guajira S.A.S.', 'pedidos@hilosguajira.test', 7, ['mochilas', 'hamacas']),
  supplier('lanas-nobsa', wayuu.id, 'Lanas Vírgenes de Nobsa', 'ventas@lanasnobsa.test', 14, ['textiles']),
  supplier('barros-raquira', raquira.id, 'Barros y Esmaltes de Ráquira', 'compras@barrosraquira.test', 5, ['ceramica']),
  supplier('cana-tuchin', raquira.id, 'Cooperativa Caña Flecha de Tuchín', 'cooperativa@canatuchin.test', 21, ['sombreros']),
  supplier('plata-mompox', mompox.id, 'Platería Momposina Ltda.', 'taller@plateriamompox.test', 10, ['filigrana', 'cesteria']),
];

const slugOf = new Map(demo.categories.map((category) => [category.id, category.slug]));

/** Each linked product and its supplier: items 2 to 4 of each supplier's categories. */
export const demoProductSuppliers = demoSuppliers.flatMap((s) =>
  s.categorySlugs.flatMap((slug) =>
    demo.products
      .filter((product) => slugOf.get(product.categoryId) === slug && product.sellerId === s.sellerId)
      .slice(1, 4)
      .map((product) => ({ productId: product.id, supplierId: s.id, sellerId: s.sellerId })),
  ),
);

/** One request on its way: Taller Wayuu's first linked product, SENT to its supplier for Bodega Bogotá. */
export const demoSentReorder = {
  id: stableId('reorder', 'demo-1'),
  supplierId: demoSuppliers[0]!.id,
  sellerId: wayuu.id,
  productId: demoProductSuppliers[0]!.productId,
  warehouseId: demo.warehouses[0]!.id,
  quantity: 24,
  createdAt: new Date('2026-11-20T14:00:00Z'),
  sentAt: new Date('2026-11-20T16:30:00Z'),
};

import { stableId } from './ids.js';

/** The demo store "Artesanías Bogotá": the data every subgraph seeds its own part of on first start. */
export interface DemoUser { id: string; email: string; password: string; name: string; roles: ('CUSTOMER' | 'SELLER' | 'ADMIN')[] }
export interface DemoCategory { id: string; name: string; slug: string }
export interface DemoProduct {
  id: string; sku: string; name: string; description: string; priceMinor: bigint;
  /** What one unit costs its seller: 40 to 60% of the price, in whole pesos. */
  costPriceMinor: bigint;
  currency: 'COP'; categoryId: string; sellerId: string; lowStockThreshold: number;
  /** One packed unit in grams (for shipping quotes): from the line's range, varied per item. */
  weightGrams: number;
}
export interface DemoWarehouse { id: string; name: string; region: string }
export interface DemoStock { productId: string; warehouseId: string; onHand: number }

export const DEMO_PASSWORDS = { admin: 'admin-demo-2026', customer: 'cliente-demo-2026', seller: 'vendedor-demo-2026' } as const;

const user = (key: string, email: string, name: string, roles: DemoUser['roles'], password: string): DemoUser => ({ id: stableId('user', key), email, password, name, roles });

export const admin = user('admin', 'admin@artesanias.test', 'Operadora Artesanías', ['ADMIN'], DEMO_PASSWORDS.admin);
export const customer = user('customer', 'cliente@artesanias.test', 'Camila Rojas', ['CUSTOMER'], DEMO_PASSWORDS.customer);
export const sellers = [
  user('seller-wayuu', 'wayuu@artesanias.test', 'Taller Wayuu Uribia', ['SELLER', 'CUSTOMER'], DEMO_PASSWORDS.seller),
  user('seller-raquira', 'raquira@artesanias.test', 'Cerámica Ráquira', ['SELLER', 'CUSTOMER'], DEMO_PASSWORDS.seller),
  user('seller-mompox', 'mompox@artesanias.test', 'Filigrana de Mompox', ['SELLER', 'CUSTOMER'], DEMO_PASSWORDS.seller),
] as const;
export const users: DemoUser[] = [admin, customer, ...sellers];

const category = (slug: string, name: string): DemoCategory => ({ id: stableId('category', slug), name, slug });
export const categories: DemoCategory[] = [
  category('mochilas', 'Mochilas'),
  category('hamacas', 'Hamacas'),
  category('ceramica', 'Cerámica'),
  category('filigrana', 'Joyería en filigrana'),
  category('sombreros', 'Sombreros'),
  category('cesteria', 'Cestería'),
  category('textiles', 'Textiles'),
];

/** Per category: the seller who makes it, base price in pesos, the item names and what they are made of. */
const LINES: { slug: string; seller: number; basePesos: number; items: string[]; material: string; grams: [number, number] }[] = [
  { slug: 'mochilas', grams: [350, 900], seller: 0, basePesos: 180000, material: 'tejida a mano en hilo acrílico por artesanas wayuu de La Guajira', items: ['Mochila Wayuu Kanas Sol', 'Mochila Wayuu Kanas Mar', 'Mochila Wayuu Tutu', 'Mochila Arhuaca Tradicional', 'Mochila Kankuama de Fique', 'Mochila Wayuu Mini', 'Mochila Zenú Caña Flecha', 'Mochila Wayuu Susu Grande', 'Mochila Wayuu Degradé', 'Mochila Wayuu Nocturna'] },
  { slug: 'hamacas', grams: [1400, 3200], seller: 0, basePesos: 320000, material: 'tejida en telar vertical con algodón grueso de San Jacinto', items: ['Hamaca San Jacinto Clásica', 'Hamaca Matrimonial Arcoíris', 'Hamaca Wayuu de Flecos', 'Hamaca Silla Colgante', 'Hamaca Infantil', 'Hamaca Chinchorro Guajiro', 'Hamaca Caribe Azul', 'Hamaca de Viaje Liviana', 'Hamaca Bordada Flores', 'Hamaca Tierra Natural'] },
  { slug: 'ceramica', grams: [300, 3500], seller: 1, basePesos: 45000, material: 'moldeada en barro de Ráquira y cocida en horno de leña', items: ['Olla de Barro Ráquira', 'Vasija Chamba Negra', 'Jarrón Pintado a Mano', 'Juego de Pocillos Campesinos', 'Chiva Miniatura de Cerámica', 'Plato Hondo Chamba', 'Alcancía Marranito', 'Matera Colgante', 'Cazuela de Barro Grande', 'Figura Campesina Boyacense'] },
  { slug: 'filigrana', grams: [15, 120], seller: 2, basePesos: 150000, material: 'trabajada en plata ley 950 con la técnica de filigrana momposina', items: ['Aretes Filigrana Flor', 'Anillo Filigrana Mompox', 'Collar Filigrana Mariposa', 'Pulsera Filigrana Trenzada', 'Aretes Candonga Momposina', 'Broche Filigrana Colibrí', 'Dije Filigrana Corazón', 'Aretes Filigrana Gota', 'Tobillera Filigrana Fina', 'Gargantilla Filigrana Real'] },
  { slug: 'sombreros', grams: [180, 450], seller: 1, basePesos: 220000, material: 'trenzado en caña flecha por artesanos zenúes de Tuchín', items: ['Sombrero Vueltiao 15 Vueltas', 'Sombrero Vueltiao 19 Vueltas', 'Sombrero Vueltiao 21 Vueltas Fino', 'Sombrero Vueltiao 23 Vueltas', 'Sombrero Vueltiao Infantil', 'Sombrero Aguadeño Blanco', 'Sombrero Suaceño de Paja', 'Sombrero Vueltiao 27 Vueltas Extrafino', 'Sombrero Vueltiao Teñido', 'Sombrero Pintao Sabanero'] },
  { slug: 'cesteria', grams: [150, 1200], seller: 2, basePesos: 60000, material: 'tejida en palma de iraca o werregue por comunidades del Pacífico', items: ['Canasto Werregue Wounaan', 'Panera de Iraca', 'Individuales de Palma', 'Cesto de Chin Boyacense', 'Frutero de Caña Flecha', 'Canasto de Mimbre Grande', 'Bolso de Iraca Usiacurí', 'Cofre de Werregue', 'Portavasos de Fique', 'Canasta Ropera de Chin'] },
  { slug: 'textiles', grams: [250, 2200], seller: 0, basePesos: 95000, material: 'tejido en lana virgen de oveja en telares de Nobsa', items: ['Ruana de Lana Nobsa', 'Cobija de Lana Virgen', 'Tapiz Muisca', 'Manta Guajira', 'Chal de Seda Tejido', 'Cojín Bordado Zenú', 'Camino de Mesa Tejido', 'Bufanda de Alpaca', 'Poncho Boyacense', 'Mola Guna Enmarcada'] },
];

export const products: DemoProduct[] = LINES.flatMap((line, lineIndex) =>
  line.items.map((name, i) => {
    const sku = `${line.slug.slice(0, 3).toUpperCase()}-${String(i + 1).padStart(3, '0')}`;
    const pesos = line.basePesos + ((i * 37 + lineIndex * 11) % 9) * 10000;
    // Deterministic margins, varied so reports by margin mean something: cost is 40 to 60% of the price.
    const costPercent = 40 + ((i * 13 + lineIndex * 7) % 21);
    return {
      id: stableId('product', sku),
      sku,
      name,
      description: `${name}: pieza única ${line.material}. Hecha en Colombia por ${sellers[line.seller]!.name}.`,
      priceMinor: BigInt(pesos) * 100n,
      costPriceMinor: BigInt(Math.round((pesos * costPercent) / 100)) * 100n,
      currency: 'COP' as const,
      categoryId: stableId('category', line.slug),
      sellerId: sellers[line.seller]!.id,
      lowStockThreshold: 5,
      // Spread over the line's packed-weight range in 9 steps, rounded to 5 g, the same every start.
      weightGrams: Math.round((line.grams[0] + (((i * 5 + lineIndex * 3) % 9) / 8) * (line.grams[1] - line.grams[0])) / 5) * 5,
    };
  }),
);

export const warehouses: DemoWarehouse[] = [
  { id: stableId('warehouse', 'bogota'), name: 'Bodega Bogotá', region: 'Bogotá D.C.' },
  { id: stableId('warehouse', 'medellin'), name: 'Bodega Medellín', region: 'Antioquia' },
];

/** Stock is varied on purpose: some products are plentiful, some low, one sold out. */
export const stock: DemoStock[] = products.flatMap((product, i) =>
  warehouses.map((warehouse, w) => ({ productId: product.id, warehouseId: warehouse.id, onHand: i === 7 ? 0 : ((i * 7 + w * 13) % 25) + (w === 0 ? 3 : 0) })),
);

/** One past order for the demo customer, already paid, so order history and payments show something. */
export const pastOrder = {
  id: stableId('order', 'demo-1'),
  number: 'ORD-000001',
  customerId: customer.id,
  status: 'PAID' as const,
  lines: [
    { productId: products[0]!.id, quantity: 1, unitPriceMinor: products[0]!.priceMinor },
    { productId: products[20]!.id, quantity: 2, unitPriceMinor: products[20]!.priceMinor },
  ],
  currency: 'COP' as const,
  createdAt: new Date('2026-11-01T15:00:00Z'),
};
export const pastOrderTotalMinor = pastOrder.lines.reduce((sum, l) => sum + l.unitPriceMinor * BigInt(l.quantity), 0n);
export const pastPayment = { id: stableId('payment', 'demo-1'), orderId: pastOrder.id, amountMinor: pastOrderTotalMinor, currency: 'COP' as const, method: 'CARD' as const, status: 'CAPTURED' as const, cardBrand: 'VISA', cardLast4: '4242', createdAt: new Date('2026-11-01T15:01:00Z') };

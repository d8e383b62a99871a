import { count } from 'drizzle-orm';
import { demo, stableId } from '@shop/demo-store';
import type { Database } from '@shop/db';
import { methodZones, productWeights, regionZones, shippingMethods, shippingRates, shippingZones, type ShippingSchema } from '../db/schema.js';
import type { Department } from './regions.js';

/** The weight bands every demo rate uses (grams, inclusive upper bounds); above the last, a price per started kg. */
export const DEMO_BANDS_GRAMS = [1000, 3000, 5000, 10_000, 20_000] as const;

export const DEMO_ZONES = [
  { code: 'CENTRAL', name: 'Bogotá y Cundinamarca' },
  { code: 'ANDEAN', name: 'Región Andina' },
  { code: 'PERIPHERAL', name: 'Caribe, Pacífico, Orinoquía y sur' },
  { code: 'REMOTE', name: 'Zonas de difícil acceso' },
] as const;
export type DemoZone = (typeof DEMO_ZONES)[number]['code'];

/** Every department in one zone, from the demo warehouse in Bogotá: near, the Andean cities, the coasts and plains, then places reached by air or river. */
export const DEMO_REGION_ZONES: Readonly<Record<Department, DemoZone>> = {
  'Bogotá D.C.': 'CENTRAL', Cundinamarca: 'CENTRAL',
  Antioquia: 'ANDEAN', Boyacá: 'ANDEAN', Caldas: 'ANDEAN', Huila: 'ANDEAN', 'Norte de Santander': 'ANDEAN', Quindío: 'ANDEAN',
  Risaralda: 'ANDEAN', Santander: 'ANDEAN', Tolima: 'ANDEAN', 'Valle del Cauca': 'ANDEAN',
  Atlántico: 'PERIPHERAL', Bolívar: 'PERIPHERAL', Cesar: 'PERIPHERAL', Córdoba: 'PERIPHERAL', 'La Guajira': 'PERIPHERAL', Magdalena: 'PERIPHERAL',
  Sucre: 'PERIPHERAL', Chocó: 'PERIPHERAL', Cauca: 'PERIPHERAL', Nariño: 'PERIPHERAL', Arauca: 'PERIPHERAL', Casanare: 'PERIPHERAL', Meta: 'PERIPHERAL',
  Caquetá: 'PERIPHERAL', Putumayo: 'PERIPHERAL',
  Amazonas: 'REMOTE', Guainía: 'REMOTE', Guaviare: 'REMOTE', Vaupés: 'REMOTE', Vichada: 'REMOTE', 'Archipiélago de San Andrés, Providencia y Santa Catalina': 'REMOTE',
};

interface DemoService {
  /** Whole pesos per band of DEMO_BANDS_GRAMS. */
  pesos: readonly [number, number, number, number, number];
  extraKgPesos: number;
  days: number;
}
interface DemoMethod {
  code: string;
  name: string;
  carrier: string;
  trackingPrefix: string;
  /** The zones it serves; a zone left out is REGION_NOT_SERVED. */
  zones: Partial<Record<DemoZone, DemoService>>;
}

/** Standard by ground everywhere; express by air, which does not reach the remote zone. */
export const DEMO_METHODS: readonly DemoMethod[] = [
  {
    code: 'servientrega-estandar', name: 'Estándar', carrier: 'Servientrega', trackingPrefix: 'SRV',
    zones: {
      CENTRAL: { pesos: [8900, 11_900, 14_900, 19_900, 29_900], extraKgPesos: 1500, days: 2 },
      ANDEAN: { pesos: [12_900, 16_900, 20_900, 27_900, 41_900], extraKgPesos: 2000, days: 3 },
      PERIPHERAL: { pesos: [15_900, 20_900, 25_900, 34_900, 52_900], extraKgPesos: 2600, days: 5 },
      REMOTE: { pesos: [29_900, 39_900, 49_900, 69_900, 99_900], extraKgPesos: 4900, days: 9 },
    },
  },
  {
    code: 'coordinadora-expres', name: 'Exprés', carrier: 'Coordinadora', trackingPrefix: 'CRD',
    zones: {
      CENTRAL: { pesos: [14_900, 18_900, 22_900, 29_900, 44_900], extraKgPesos: 2200, days: 1 },
      ANDEAN: { pesos: [19_900, 25_900, 31_900, 41_900, 62_900], extraKgPesos: 3000, days: 2 },
      PERIPHERAL: { pesos: [24_900, 32_900, 40_900, 53_900, 79_900], extraKgPesos: 3900, days: 3 },
    },
  },
];

export const demoMethodId = (code: string) => stableId('shipping-method', code);

/** Pesos to minor units (centavos), as products stores COP prices. */
const minor = (pesos: number) => BigInt(pesos) * 100n;

/**
 * The demo rate card (methods, zones, every department's zone, rates) and each demo product's weight, once: a
 * database with any shipping method is left alone. Weights seeded here are overwritten by any product.changed.
 */
export async function seedDemoShipping(db: Database<ShippingSchema>): Promise<boolean> {
  const [{ existing } = { existing: 0 }] = await db.select({ existing: count() }).from(shippingMethods);
  if (existing > 0) return false;
  await db.transaction(async (tx) => {
    await tx.insert(shippingZones).values([...DEMO_ZONES]);
    await tx.insert(regionZones).values(Object.entries(DEMO_REGION_ZONES).map(([region, zoneCode]) => ({ region, zoneCode })));
    for (const method of DEMO_METHODS) {
      const id = demoMethodId(method.code);
      await tx.insert(shippingMethods).values({ id, code: method.code, name: method.name, carrier: method.carrier, trackingPrefix: method.trackingPrefix });
      const served = Object.entries(method.zones) as [DemoZone, DemoService][];
      await tx.insert(methodZones).values(served.map(([zoneCode, s]) => ({ methodId: id, zoneCode, estimatedDays: s.days, extraKgPriceMinor: minor(s.extraKgPesos) })));
      await tx.insert(shippingRates).values(served.flatMap(([zoneCode, s]) => DEMO_BANDS_GRAMS.map((maxWeightGrams, i) => ({ methodId: id, zoneCode, maxWeightGrams, priceMinor: minor(s.pesos[i]!) }))));
    }
    await tx
      .insert(productWeights)
      .values(demo.products.map((p) => ({ productId: p.id, weightGrams: p.weightGrams, changedAt: null })))
      .onConflictDoNothing();
  });
  return true;
}

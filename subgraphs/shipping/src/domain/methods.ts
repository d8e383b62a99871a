import { asc, inArray } from 'drizzle-orm';
import type { Database } from '@shop/db';
import { shippingMethods, type ShippingMethodRow, type ShippingSchema } from '../db/schema.js';

type Db = Database<ShippingSchema>;

/** Every method, by name (Query.shippingMethods). */
export const listMethods = (db: Db): Promise<ShippingMethodRow[]> => db.select().from(shippingMethods).orderBy(asc(shippingMethods.name), asc(shippingMethods.id));

export const findMethodsByIds = (db: Db, ids: readonly string[]): Promise<ShippingMethodRow[]> => db.select().from(shippingMethods).where(inArray(shippingMethods.id, [...ids]));

import type { Express } from 'express';
import type { Database } from '@shop/db';
import { zId } from '@shop/common';
import type { UsersSchema } from '../db/schema.js';
import { userPaths, type AddressRecord } from '../contract.js';
import { findAddress } from '../domain/addresses.js';

/** GET /internal/users/:userId/addresses/:addressId (the kernel has verified the service token on /internal). */
export function addressRoutes(app: Express, db: Database<UsersSchema>): void {
  app.get(userPaths.address, async (req, res, next) => {
    try {
      const { userId, addressId } = req.params as { userId: string; addressId: string };
      const row = zId.safeParse(userId).success ? await findAddress(db, userId, addressId) : undefined;
      if (!row) {
        res.status(404).json({ error: { code: 'NOT_FOUND' } });
        return;
      }
      const record: AddressRecord = {
        id: row.id,
        recipient: row.recipient,
        line1: row.line1,
        line2: row.line2,
        city: row.city,
        region: row.region,
        postalCode: row.postalCode,
        country: row.country,
        phone: row.phone,
      };
      res.json(record);
    } catch (error) {
      next(error);
    }
  });
}

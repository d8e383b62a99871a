import type { Express } from 'express';
import { zId } from '@shop/common';
import type { Database } from '@shop/db';
import { graphqlBodyParsing } from '@shop/server';
import { advanceRequest, type advanceAnswer } from '../contract.js';
import type { ShippingSchema } from '../db/schema.js';
import { advanceShipment } from '../domain/shipments.js';
import type { z } from 'zod';

const STATUS_OF = { NOT_FOUND: 404, INVALID_TRANSITION: 409 } as const;

/**
 * POST /internal/shipping/shipments/:id/status (contract.ts): carrier integrations report scans with a service token
 * (the kernel has verified it on /internal); the same transition table and event as advanceShipment, by no user.
 */
export function shipmentRoutes(app: Express, db: Database<ShippingSchema>): void {
  // shippingPaths.advance(id), as Express routes it.
  app.post('/internal/shipping/shipments/:id/status', ...graphqlBodyParsing('4kb'), async (req, res, next) => {
    try {
      const id = String(req.params.id);
      const body = advanceRequest.safeParse(req.body);
      if (!body.success) return void res.status(422).json({ error: { code: 'INVALID_INPUT', message: `status: ${body.error.issues[0]!.message}` } });
      const outcome = zId.safeParse(id).success ? await advanceShipment(db, id, body.data.status, null) : ({ ok: false, code: 'NOT_FOUND', message: `No shipment has the id ${id}.` } as const);
      if (!outcome.ok) return void res.status(STATUS_OF[outcome.code]).json({ error: { code: outcome.code, message: outcome.message } });
      const answer: z.infer<typeof advanceAnswer> = { moved: outcome.moved };
      res.json(answer);
    } catch (error) {
      next(error);
    }
  });
}

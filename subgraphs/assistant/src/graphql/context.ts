import type { Viewer } from '@shop/auth';
import type { Database } from '@shop/db';
import type { AssistantSchema } from '../db/schema.js';

/** What every request shares. */
export interface AssistantServices {
  db: Database<AssistantSchema>;
}

export interface AssistantContext extends AssistantServices {
  viewer: Viewer | null;
}

export const createContext = (services: AssistantServices, viewer: Viewer | null): AssistantContext => ({ ...services, viewer });

import type { ServicePrincipal } from './service-tokens.js';
import { isAdmin } from './guards.js';
import type { Viewer } from './tokens.js';

/**
 * The access directives every subgraph declares (https://specs.artesanias.dev/access/v0.1, composed into the
 * supergraph with @composeDirective) and the kernel enforces in each subgraph (packages/server/src/authorization.ts).
 */
export const ACCESS_SPEC_URL = 'https://specs.artesanias.dev/access/v0.1';
export const ACCESS_DIRECTIVES = ['authenticated', 'requiresRole', 'ownerOrAdmin'] as const;

const SERVICE = Symbol('service principal');

/** Marks a GraphQL context as a verified service's (set by the kernel from the service-token header). */
export function withServicePrincipal<T extends object>(context: T, service: ServicePrincipal | null): T {
  // Enumerable: Apollo Server copies a context's own enumerable properties when it clones one.
  if (service) Object.defineProperty(context, SERVICE, { value: service, enumerable: true });
  return context;
}

export const servicePrincipalOf = (context: unknown): ServicePrincipal | null =>
  (context && typeof context === 'object' ? ((context as Record<symbol, ServicePrincipal | undefined>)[SERVICE] ?? null) : null);

/** An object's owner, an admin, or a verified service (which reads what it needs to do its work). */
export const isOwnerOrAdmin = (viewer: Viewer | null, service: ServicePrincipal | null, ownerId: string | null | undefined): boolean =>
  !!service || isAdmin(viewer) || (!!viewer && !!ownerId && viewer.id === ownerId);

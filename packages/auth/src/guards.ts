import { forbidden, unauthenticated } from '@shop/common';
import type { Role, Viewer } from './tokens.js';

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

export const hasRole = (viewer: Viewer | null, role: Role): boolean => !!viewer?.roles.includes(role);
export const isAdmin = (viewer: Viewer | null): boolean => hasRole(viewer, 'ADMIN');

export function requireRole(viewer: Viewer | null, ...roles: Role[]): Viewer {
  const v = requireViewer(viewer);
  if (!roles.some((role) => v.roles.includes(role))) throw forbidden(`This needs one of the roles ${roles.join(', ')}.`);
  return v;
}

import { hasRole, isAdmin, type Viewer } from '@shop/auth';

const CUSTOMER = ['¿Dónde está mi último pedido?', '¿Cómo va el pedido ORD-000001?', '¿Cuántas Mochila Wayuu Tutu hay disponibles?'];
const SELLER = [
  '¿Qué fue lo más vendido este mes?',
  '¿Qué productos tienen pocas existencias?',
  '¿Cuál es el pronóstico de demanda de (el nombre de tu producto)?',
  '¿Cuántas unidades vendí en los últimos 30 días?',
];
const ADMIN = ['¿Qué fue lo más vendido en la tienda este mes?', '¿Qué productos tienen pocas existencias?', '¿Cuándo se agota la Hamaca San Jacinto Clásica?', '¿Cómo va el pedido ORD-000001?'];

/** Questions the assistant answers well for what the viewer may see: customers their orders and stock; sellers their sales; admins all. */
export function suggestionsFor(viewer: Viewer): string[] {
  if (isAdmin(viewer)) return ADMIN;
  if (hasRole(viewer, 'SELLER')) return [...SELLER, CUSTOMER[0]!];
  return CUSTOMER;
}

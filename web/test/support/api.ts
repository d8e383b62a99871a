import { randomUUID } from 'node:crypto';
import { demo } from '@shop/demo-store';
import { graphqlRequest } from '@shop/testing';

/** Setup through the real gateway (no mocks): accounts, and products with a known stock for a test to buy. */
export function api(gatewayUrl: string) {
  async function call<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const response = await graphqlRequest<T>(gatewayUrl, query, variables, token);
    if (response.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
    return response.data as T;
  }
  return {
    call,
    async login(email: string, password: string): Promise<string> {
      const data = await call(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token errors { code message } } }`, { e: email, p: password });
      if (!data.login.token) throw new Error(`login failed: ${JSON.stringify(data.login.errors)}`);
      return data.login.token;
    },
    async registerCustomer(label: string): Promise<{ token: string; email: string; password: string; name: string }> {
      const email = `${label}-${randomUUID().slice(0, 8)}@example.test`;
      const password = 'prueba-segura-2026';
      const name = `Cliente ${label}`;
      const data = await call(`mutation($input: RegisterInput!) { register(input: $input) { token errors { code message } } }`, { input: { email, password, name } });
      if (!data.register.token) throw new Error(`register failed: ${JSON.stringify(data.register.errors)}`);
      return { token: data.register.token, email, password, name };
    },
    /** A fresh ACTIVE product of a demo seller (the first unless told) with `units` in the first store room (kind WAREHOUSE, not a shop). */
    async productWithStock(label: string, units: number, seller: { email: string; password: string } = demo.sellers[0]): Promise<{ id: string; name: string }> {
      const token = await this.login(seller.email, seller.password);
      const suffix = randomUUID().slice(0, 6);
      const name = `Mochila Prueba ${label} ${suffix}`;
      const created = await call(
        `mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } errors { code message } } }`,
        { input: { sku: `TEST-${label}-${suffix}`.toUpperCase(), name, description: `Producto de prueba ${label}`, price: '125000.00', currency: 'COP', status: 'ACTIVE' } },
        token,
      );
      const id = created.createProduct.product?.id;
      if (!id) throw new Error(`createProduct failed: ${JSON.stringify(created.createProduct.errors)}`);
      const { warehouses } = await call(`{ warehouses(kind: WAREHOUSE) { id } }`);
      const adjusted = await call(
        `mutation($input: AdjustStockInput!) { adjustStock(input: $input) { product { stock { available } } errors { code message } } }`,
        { input: { productId: id, warehouseId: warehouses[0].id, delta: units, reason: 'RESTOCK' } },
        token,
      );
      if (adjusted.adjustStock.errors.length) throw new Error(`adjustStock failed: ${JSON.stringify(adjusted.adjustStock.errors)}`);
      return { id, name };
    },
  };
}

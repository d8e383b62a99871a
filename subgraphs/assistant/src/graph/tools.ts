/**
 * The read-only tools both providers use: each runs fixed operations (operations.ts) through the user's own reader,
 * so the intent-based provider and a model's tool calls see exactly the same data, and nothing the user could not.
 */
import { z } from 'zod';
import { isAdmin, type Viewer } from '@shop/auth';
import { matchProducts, type CatalogProduct } from '../domain/product-matching.js';
import type { GraphRead, GraphReader } from './client.js';
import { CATALOG_PAGE, DEMAND_FORECAST, LAST_ORDER, LOW_STOCK_OVERVIEW, MY_PRODUCTS_STOCK, ORDER_BY_NUMBER, PRODUCT_STOCK, SALES_REPORT } from './operations.js';

/** Pages of 100 read to match a product's name: the demo catalog has 70; a bigger one is matched on its first 500. */
const CATALOG_PAGES = 5;

export interface LowStockProduct {
  id: string;
  name: string;
  sku: string;
  available: number;
}

/** One answer's graph reads as one user; `reads` collects those the answer used (its sources). */
export class GraphTools {
  readonly reads: GraphRead[] = [];
  private catalogRead?: Promise<CatalogProduct[]>;

  constructor(
    private readonly reader: GraphReader,
    readonly viewer: Viewer,
  ) {}

  private async source<T>(...args: Parameters<GraphReader['read']>): Promise<GraphRead<T>> {
    const read = await this.reader.read<T>(...args);
    this.reads.push(read);
    return read;
  }

  /** The products the user can see, for name matching (not a source: it only finds which product was meant). */
  catalog(): Promise<CatalogProduct[]> {
    this.catalogRead ??= (async () => {
      const products: CatalogProduct[] = [];
      let after: string | null = null;
      for (let page = 0; page < CATALOG_PAGES; page++) {
        const read: GraphRead = await this.reader.read(CATALOG_PAGE, { after });
        const connection = read.data?.products;
        if (!connection) break;
        products.push(...connection.edges.map((e: { node: CatalogProduct }) => e.node));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      return products;
    })();
    return this.catalogRead;
  }

  async findProducts(name: string): Promise<CatalogProduct[]> {
    return matchProducts(name, await this.catalog()).map((m) => m.product);
  }

  productStock(productId: string) {
    return this.source<{ product: { id: string; name: string; sku: string; stock: { available: number; onHand: number; reserved: number; lowStock: boolean } } | null }>(PRODUCT_STOCK, { id: productId });
  }

  /** An order by number, or the user's latest when number is null. */
  async order(number: string | null): Promise<{ read: GraphRead; order: OrderView | null }> {
    if (number) {
      const read = await this.source<{ orderByNumber: OrderView | null }>(ORDER_BY_NUMBER, { number });
      return { read, order: read.data?.orderByNumber ?? null };
    }
    const read = await this.source<{ me: { orders: { edges: { node: OrderView }[] } } | null }>(LAST_ORDER);
    return { read, order: read.data?.me?.orders.edges[0]?.node ?? null };
  }

  salesReport(from: Date, to: Date, first: number) {
    return this.source<{ salesReport: SalesReportView | null }>(SALES_REPORT, { from: from.toISOString(), to: to.toISOString(), first });
  }

  demandForecast(productId: string, days: number) {
    return this.source<{ demandForecast: ForecastView | null }>(DEMAND_FORECAST, { productId, days });
  }

  /** Admins: every product under its threshold; sellers: their own; anyone else has no products to watch. */
  async lowStock(): Promise<{ read: GraphRead; products: LowStockProduct[] }> {
    type Node = { id: string; name: string; sku: string; stock: { available: number; lowStock: boolean } };
    const flat = (nodes: Node[]) => nodes.filter((n) => n.stock.lowStock).map((n) => ({ id: n.id, name: n.name, sku: n.sku, available: n.stock.available })).sort((a, b) => a.available - b.available);
    if (isAdmin(this.viewer)) {
      const read = await this.source<{ stockOverview: { edges: { node: Node }[] } | null }>(LOW_STOCK_OVERVIEW);
      return { read, products: flat(read.data?.stockOverview?.edges.map((e) => e.node) ?? []) };
    }
    const read = await this.source<{ me: { products: { edges: { node: Node }[] } } | null }>(MY_PRODUCTS_STOCK);
    return { read, products: flat(read.data?.me?.products.edges.map((e) => e.node) ?? []) };
  }
}

export interface MoneyView {
  amount: string;
  currency: string;
}
export interface OrderView {
  number: string;
  status: string;
  createdAt: string;
  updatedAt: string;
  total: MoneyView;
  lines: { quantity: number; product: { name: string } | null }[];
}
export interface SalesReportView {
  from: string;
  to: string;
  totals: { units: number; orders: number; revenue: MoneyView };
  topProducts: { product: { id: string; name: string }; units: number; revenue: MoneyView }[];
}
export interface ForecastView {
  days: number;
  computedAt: string | null;
  predictedStockout: string | null;
  suggestedReorder: number;
  accuracy: { model: string; smape: number; baselineSmape: number } | null;
  points: { date: string; expected: number; lower: number; upper: number }[];
}

/** A tool a model may call: its JSON Schema for the chat-completions request and the zod check of its arguments. */
export interface ToolDefinition {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
  run(tools: GraphTools, args: unknown): Promise<unknown>;
}

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO 8601 date');
const tool = <S extends z.ZodType>(name: string, description: string, args: S, run: (tools: GraphTools, args: z.infer<S>) => Promise<unknown>): ToolDefinition => ({
  name,
  description,
  parameters: z.toJSONSchema(args) as Record<string, unknown>,
  async run(tools, raw) {
    const parsed = args.safeParse(raw);
    if (!parsed.success) return { error: 'INVALID_ARGUMENTS', issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
    return run(tools, parsed.data);
  },
});

/** What the model gets back from a read: the data, or the gateway's refusal codes (it must say it cannot see it). */
const outcome = (read: GraphRead) => (read.errorCodes.length ? { refused: read.errorCodes, data: read.data } : { data: read.data });

export const TOOL_DEFINITIONS: readonly ToolDefinition[] = [
  tool('find_products', 'Find catalog products by name (fuzzy, accent-insensitive); returns ids to use with the other tools.', z.object({ name: z.string().min(1).max(200) }), async (tools, { name }) => ({
    products: (await tools.findProducts(name)).slice(0, 5),
  })),
  tool('product_stock', "A product's stock summed over every warehouse: available, on hand, reserved, lowStock.", z.object({ productId: z.string().uuid() }), async (tools, { productId }) =>
    outcome(await tools.productStock(productId)),
  ),
  tool(
    'order_status',
    "An order's status, total and lines, by its number (e.g. ORD-000123); omit number for the user's latest order.",
    z.object({ number: z.string().min(1).max(40).optional() }),
    async (tools, { number }) => outcome((await tools.order(number ?? null)).read),
  ),
  tool(
    'sales_report',
    'Sales between two dates (sellers: their own products; admins: all): totals and the top products by units.',
    z.object({ from: isoDate, to: isoDate, first: z.number().int().min(1).max(50).default(5) }),
    async (tools, { from, to, first }) => outcome(await tools.salesReport(new Date(from), new Date(to), first)),
  ),
  tool(
    'demand_forecast',
    "A product's demand forecast: expected units per day, predicted stock-out date, suggested reorder, accuracy.",
    z.object({ productId: z.string().uuid(), days: z.number().int().min(1).max(90).default(30) }),
    async (tools, { productId, days }) => outcome(await tools.demandForecast(productId, days)),
  ),
  tool('low_stock', 'Products at or under their low-stock threshold (sellers: their own; admins: all), fewest units first.', z.object({}), async (tools) => {
    const { read, products } = await tools.lowStock();
    return read.errorCodes.length ? { refused: read.errorCodes } : { products };
  }),
];

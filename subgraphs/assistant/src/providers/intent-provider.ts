/**
 * The default provider: no model, no network beyond the gateway. It reads the question as one intent (domain/intents.ts),
 * finds the product it names in the user's own view of the catalog, runs the matching tool and words the figures in
 * the question's language. What the gateway refuses, it says it cannot see, with no figures.
 */
import { isAdmin, hasRole } from '@shop/auth';
import { classify } from '../domain/intents.js';
import { detectLanguage, type Language } from '../domain/language.js';
import { count, date, money, orderStatus } from '../domain/format.js';
import { parsePeriod } from '../domain/periods.js';
import { matchProducts, pickProduct, type CatalogProduct } from '../domain/product-matching.js';
import { GraphTools } from '../graph/tools.js';
import type { AssistantProvider, AssistantQuestion, AssistantReply } from './provider.js';

type Say = (es: string, en: string) => string;
const FORECAST_DAYS = 30;

export class IntentAssistantProvider implements AssistantProvider {
  readonly name = 'intents';

  async answer({ question, viewer, graph, now }: AssistantQuestion): Promise<AssistantReply> {
    const language = detectLanguage(question);
    const say: Say = (es, en) => (language === 'es' ? es : en);
    const tools = new GraphTools(graph, viewer);
    const text = await this.respond(question, language, say, tools, now);
    return { text, reads: tools.reads };
  }

  private async respond(question: string, language: Language, say: Say, tools: GraphTools, now: Date): Promise<string> {
    const intent = classify(question);
    if (intent.kind === 'order') return this.order(intent.number, language, say, tools);
    if (intent.kind === 'lowStock') return this.lowStock(say, tools);
    if (intent.kind === 'topSellers') return this.topSellers(question, language, say, tools, now);
    // The rest are about one product (sales without one are the top sellers).
    const found = pickProduct(matchProducts(question, await tools.catalog()));
    if (intent.kind === 'productSales' && !found) return this.topSellers(question, language, say, tools, now);
    // "What should I restock?", "what will run out?" about no product in particular: the products low on stock.
    if (intent.kind === 'forecast' && !found) return this.lowStock(say, tools);
    if (intent.kind === 'unknown' && !found) return this.help(say, tools);
    if (!found) return say('No encontré ese producto en el catálogo que puedes ver. Escribe su nombre tal como aparece en la tienda.', "I couldn't find that product in the catalog you can see. Write its name as the shop shows it.");
    if ('candidates' in found)
      return say(`¿Cuál de estos productos? ${found.candidates.map((p) => p.name).join('; ')}.`, `Which of these products? ${found.candidates.map((p) => p.name).join('; ')}.`);
    if (intent.kind === 'forecast') return this.forecast(found.product, language, say, tools);
    if (intent.kind === 'productSales') return this.productSales(found.product, question, language, say, tools, now);
    return this.stock(found.product, language, say, tools);
  }

  private async stock(product: CatalogProduct, language: Language, say: Say, tools: GraphTools): Promise<string> {
    const read = await tools.productStock(product.id);
    const stock = read.data?.product?.stock;
    if (!stock) return say(`No puedo ver las existencias de ${product.name}.`, `I can't see the stock of ${product.name}.`);
    const units = count(stock.available, language);
    const low = stock.available === 0 ? say(' Está agotado.', ' It is sold out.') : stock.lowStock ? say(' Quedan pocas unidades.', ' Stock is low.') : '';
    return say(
      `${product.name} (${product.sku}): ${units} unidades disponibles (${count(stock.onHand, language)} en bodega, ${count(stock.reserved, language)} reservadas).${low}`,
      `${product.name} (${product.sku}): ${units} units available (${count(stock.onHand, language)} on hand, ${count(stock.reserved, language)} reserved).${low}`,
    );
  }

  private async order(number: string | null, language: Language, say: Say, tools: GraphTools): Promise<string> {
    const { order } = await tools.order(number);
    if (!order)
      return number
        ? say(`No encuentro el pedido ${number} entre los pedidos que puedes ver.`, `I can't find order ${number} among the orders you can see.`)
        : say('No tienes pedidos todavía.', "You don't have any orders yet.");
    const items = order.lines.map((l) => `${l.quantity} × ${l.product?.name ?? '?'}`).join(', ');
    return say(
      `El pedido ${order.number} está ${orderStatus(order.status, language)} (desde el ${date(order.updatedAt, language)}). Total: ${money(order.total, language)}. Hecho el ${date(order.createdAt, language)}: ${items}.`,
      `Order ${order.number} is ${orderStatus(order.status, language)} (since ${date(order.updatedAt, language)}). Total: ${money(order.total, language)}. Placed on ${date(order.createdAt, language)}: ${items}.`,
    );
  }

  private async topSellers(question: string, language: Language, say: Say, tools: GraphTools, now: Date): Promise<string> {
    const period = parsePeriod(question, now);
    const read = await tools.salesReport(period.from, period.to, 5);
    const report = read.data?.salesReport;
    // The gateway refuses customers (and answers nothing when analytics is away): no figures, and why.
    if (!report)
      return say(
        'No puedo ver cifras de ventas con tu cuenta: son solo para vendedores (de sus productos) y administradores.',
        "I can't see sales figures with your account: they are for sellers (their own products) and admins only.",
      );
    if (!report.topProducts.length) return say(`No hubo ventas ${period.label.es === 'hoy' ? 'hoy' : `en ${period.label.es}`}.`, `There were no sales in ${period.label.en}.`);
    const list = report.topProducts.map((p, i) => `${i + 1}. ${p.product.name}: ${count(p.units, language)} ${say('unidades', 'units')}, ${money(p.revenue, language)}`).join('; ');
    return say(
      `Los más vendidos en ${period.label.es}: ${list}. En total: ${count(report.totals.units, language)} unidades en ${count(report.totals.orders, language)} pedidos, ${money(report.totals.revenue, language)}.`,
      `Top sellers in ${period.label.en}: ${list}. In all: ${count(report.totals.units, language)} units in ${count(report.totals.orders, language)} orders, ${money(report.totals.revenue, language)}.`,
    );
  }

  private async productSales(product: CatalogProduct, question: string, language: Language, say: Say, tools: GraphTools, now: Date): Promise<string> {
    const cannot = say(`No puedo ver las ventas de ${product.name}: solo ves las de tus propios productos.`, `I can't see the sales of ${product.name}: you only see your own products' sales.`);
    const mine = isAdmin(tools.viewer) || (hasRole(tools.viewer, 'SELLER') && product.seller.id === tools.viewer.id);
    const period = parsePeriod(question, now);
    // Enough rows to find one product among a seller's whole catalog.
    const read = await tools.salesReport(period.from, period.to, 50);
    const report = read.data?.salesReport;
    if (!report) return cannot;
    const line = report.topProducts.find((p) => p.product.id === product.id);
    // The report covers only what the user may see: another seller's product is simply not in it.
    if (!line && !mine) return cannot;
    const units = line?.units ?? 0;
    const revenue = line?.revenue ?? { amount: '0', currency: report.totals.revenue.currency };
    return say(
      `${product.name} vendió ${count(units, language)} unidades en ${period.label.es}, por ${money(revenue, language)}.`,
      `${product.name} sold ${count(units, language)} units in ${period.label.en}, for ${money(revenue, language)}.`,
    );
  }

  private async forecast(product: CatalogProduct, language: Language, say: Say, tools: GraphTools): Promise<string> {
    const cannot = say(
      `No puedo ver un pronóstico de ${product.name} con tu cuenta (solo su vendedor y los administradores lo ven, y existe tras la primera corrida de pronósticos).`,
      `I can't see a forecast for ${product.name} with your account (only its seller and admins see it, once the first forecast batch has run).`,
    );
    const read = await tools.demandForecast(product.id, FORECAST_DAYS);
    const forecast = read.data?.demandForecast;
    if (!forecast) return cannot;
    const expected = forecast.points.reduce((sum, p) => sum + p.expected, 0);
    const stockout = forecast.predictedStockout
      ? say(`Se agotaría el ${date(forecast.predictedStockout, language)}.`, `It would run out on ${date(forecast.predictedStockout, language)}.`)
      : say(`Las existencias alcanzan para los próximos ${forecast.days} días.`, `The stock lasts beyond the next ${forecast.days} days.`);
    const reorder = forecast.suggestedReorder > 0 ? say(` Sugerencia: pedir ${count(forecast.suggestedReorder, language)} unidades.`, ` Suggested reorder: ${count(forecast.suggestedReorder, language)} units.`) : '';
    const accuracy = forecast.accuracy
      ? say(` Modelo ${forecast.accuracy.model}, sMAPE ${count(forecast.accuracy.smape, language)} (línea base ${count(forecast.accuracy.baselineSmape, language)}).`, ` Model ${forecast.accuracy.model}, sMAPE ${count(forecast.accuracy.smape, language)} (baseline ${count(forecast.accuracy.baselineSmape, language)}).`)
      : '';
    return say(
      `Demanda esperada de ${product.name} en los próximos ${forecast.days} días: ${count(expected, language)} unidades. ${stockout}${reorder}${accuracy}`,
      `Expected demand for ${product.name} over the next ${forecast.days} days: ${count(expected, language)} units. ${stockout}${reorder}${accuracy}`,
    );
  }

  private async lowStock(say: Say, tools: GraphTools): Promise<string> {
    if (!hasRole(tools.viewer, 'SELLER') && !isAdmin(tools.viewer))
      return say('Las existencias bajas son para vendedores y administradores; puedo decirte cuántas unidades quedan de un producto si me dices cuál.', 'Low stock is for sellers and admins; I can tell you how many units of a product are left if you name it.');
    const { read, products } = await tools.lowStock();
    if (read.errorCodes.length && !products.length) return say('No puedo ver las existencias bajas con tu cuenta.', "I can't see low stock with your account.");
    if (!products.length) return say('Ningún producto tiene pocas existencias ahora.', 'No product is low on stock right now.');
    const list = products.slice(0, 10).map((p) => `${p.name} (${p.sku}): ${p.available}`).join('; ');
    const more = products.length > 10 ? say(` y ${products.length - 10} más`, ` and ${products.length - 10} more`) : '';
    return say(`Productos con pocas existencias (${products.length}), unidades disponibles: ${list}${more}.`, `Products low on stock (${products.length}), units available: ${list}${more}.`);
  }

  private help(say: Say, tools: GraphTools): string {
    const seller = hasRole(tools.viewer, 'SELLER') || isAdmin(tools.viewer);
    return seller
      ? say(
          'Puedo responder, con los datos de la tienda que tu cuenta puede ver: las existencias de un producto ("¿cuántas Mochila Wayuu Tutu hay?"), el estado de un pedido ("¿cómo va el pedido ORD-000123?" o "mi último pedido"), los más vendidos de un periodo ("¿qué fue lo más vendido este mes?"), el pronóstico de demanda de un producto y cuándo se agotaría, y los productos con pocas existencias.',
          'With the shop data your account can see, I can answer: a product\'s stock ("how many Mochila Wayuu Tutu are in stock?"), an order\'s status ("status of order ORD-000123" or "my last order"), the top sellers over a period ("top sellers this month"), a product\'s demand forecast and when it would run out, and the products low on stock.',
        )
      : say(
          'Puedo responder, con los datos de la tienda que tu cuenta puede ver: las existencias de un producto ("¿cuántas Mochila Wayuu Tutu hay?") y el estado de tus pedidos ("¿cómo va el pedido ORD-000123?" o "¿dónde está mi último pedido?").',
          'With the shop data your account can see, I can answer: a product\'s stock ("how many Mochila Wayuu Tutu are in stock?") and your orders\' status ("status of order ORD-000123" or "where is my last order?").',
        );
  }
}

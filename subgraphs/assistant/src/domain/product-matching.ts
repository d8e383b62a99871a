import { normalize, sameWord, words } from './text.js';

export interface CatalogProduct {
  id: string;
  name: string;
  sku: string;
  seller: { id: string; name: string };
}

/** Words that name no product (articles, prepositions, question words, both languages). */
const STOP_WORDS = new Set(
  'de del la las el los y e en un una unos unas por para con sin a al the of and for with in on an my mi mis'.split(' '),
);

export interface ProductMatch {
  product: CatalogProduct;
  /** How many of the name's words the question has. */
  matched: number;
  /** matched over the name's words. */
  share: number;
}

/**
 * The catalog's products the question names, best first: by SKU when it quotes one, else by how many of a name's
 * words it has (accents, case, plurals and one typo forgiven). At least two words, or all of a one-word name, or
 * half of the name.
 */
export function matchProducts(question: string, catalog: readonly CatalogProduct[]): ProductMatch[] {
  const asked = words(question);
  const normalizedQuestion = ` ${normalize(question)} `;
  const bySku = catalog.filter((p) => normalizedQuestion.includes(` ${normalize(p.sku)} `));
  if (bySku.length) return bySku.map((product) => ({ product, matched: Infinity, share: 1 }));
  const matches: ProductMatch[] = [];
  for (const product of catalog) {
    const nameWords = words(product.name).filter((w) => !STOP_WORDS.has(w));
    if (!nameWords.length) continue;
    const matched = nameWords.filter((w) => asked.some((a) => !STOP_WORDS.has(a) && sameWord(a, w))).length;
    const share = matched / nameWords.length;
    if (matched >= 2 || share >= 0.5 || (matched === 1 && nameWords.length === 1)) matches.push({ product, matched, share });
  }
  return matches.sort((a, b) => b.matched - a.matched || b.share - a.share || a.product.name.localeCompare(b.product.name));
}

/** The one product the question names, or the candidates when several fit equally well (the caller asks which). */
export function pickProduct(matches: readonly ProductMatch[]): { product: CatalogProduct } | { candidates: CatalogProduct[] } | null {
  const [best] = matches;
  if (!best) return null;
  const tied = matches.filter((m) => m.matched === best.matched && m.share === best.share);
  return tied.length === 1 ? { product: best.product } : { candidates: tied.slice(0, 5).map((m) => m.product) };
}

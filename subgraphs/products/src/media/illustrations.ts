import { createHash } from 'node:crypto';
import { demo, stableId } from '@shop/demo-store';
import { loadSharp, render, RENDITION_WIDTHS, type Rendition } from './renditions.js';

/**
 * The demo catalog's pictures: one illustration per demo product, drawn as SVG from its category (the shape), its name
 * (which palette, which pattern) and rendered by sharp like an upload. The seed writes only rows; each file is rendered
 * the first time it is asked for (media/routes.ts) and kept in storage, so starting a platform costs no rendering.
 */

const WIDTH = 1280;
const HEIGHT = 960;

/** [background, ground, main, accent, detail] */
type Palette = readonly [string, string, string, string, string];
/** Warm palettes of Colombian crafts. */
const PALETTES: readonly Palette[] = [
  ['#f6e7d2', '#e9cfae', '#c2452d', '#f2b134', '#2f6f73'],
  ['#e8f1ec', '#cfe3d8', '#1f7a6d', '#e4572e', '#f3c13a'],
  ['#f4ece6', '#e2cfc0', '#8c3b2e', '#d98e04', '#3a5a98'],
  ['#eef0f7', '#d5dbeb', '#3c4f9c', '#e0a526', '#c23b52'],
  ['#f7efe1', '#ead7b8', '#6b4f2a', '#b8572b', '#4f7d3a'],
  ['#f3e9f0', '#e3cfdc', '#8e2f62', '#f09d3b', '#227c8a'],
];

const seedOf = (text: string) => createHash('sha256').update(text).digest();

function stripes(x: number, y: number, w: number, h: number, colours: readonly string[], seed: Buffer): string {
  const rows = 5 + (seed[3]! % 4);
  const rowH = h / rows;
  return Array.from({ length: rows }, (_, i) => {
    const c = colours[(i + seed[4]!) % colours.length];
    const top = y + i * rowH;
    // A zigzag band in each row, like a woven kanas pattern.
    const teeth = 6 + (seed[5]! % 5);
    const step = w / teeth;
    const zig = Array.from({ length: teeth + 1 }, (_, t) => `${x + t * step},${top + (t % 2 ? rowH * 0.8 : rowH * 0.2)}`).join(' ');
    return `<rect x="${x}" y="${top}" width="${w}" height="${rowH}" fill="${c}"/><polyline points="${zig}" fill="none" stroke="${colours[(i + 2) % colours.length]}" stroke-width="${rowH * 0.18}"/>`;
  }).join('');
}

/** One drawing per category; unknown categories get a framed pattern. */
const SHAPES: Record<string, (p: Palette, seed: Buffer) => string> = {
  mochilas: (p, s) =>
    `<path d="M470 300 Q640 40 810 300" fill="none" stroke="${p[4]}" stroke-width="26"/>` +
    `<clipPath id="bag"><path d="M420 300 H860 L840 780 Q640 830 440 780 Z"/></clipPath>` +
    `<g clip-path="url(#bag)">${stripes(420, 300, 440, 500, [p[2], p[3], p[4], p[1]], s)}</g>` +
    `<path d="M420 300 H860 L840 780 Q640 830 440 780 Z" fill="none" stroke="${p[2]}" stroke-width="8"/>`,
  hamacas: (p, s) =>
    `<rect x="180" y="200" width="26" height="600" fill="${p[4]}"/><rect x="1074" y="200" width="26" height="600" fill="${p[4]}"/>` +
    `<clipPath id="hammock"><path d="M200 300 Q640 820 1080 300 L1080 360 Q640 900 200 360 Z"/></clipPath>` +
    `<g clip-path="url(#hammock)">${stripes(200, 300, 880, 560, [p[2], p[3], p[4], '#ffffff'], s)}</g>` +
    Array.from({ length: 9 }, (_, i) => `<line x1="${260 + i * 95}" y1="${480 + Math.sin(i / 2.5) * 140}" x2="${255 + i * 95}" y2="${560 + Math.sin(i / 2.5) * 150}" stroke="${p[3]}" stroke-width="6"/>`).join(''),
  ceramica: (p, s) =>
    `<path d="M560 230 H720 Q700 300 790 380 Q900 520 800 700 Q640 800 480 700 Q380 520 490 380 Q580 300 560 230 Z" fill="${p[2]}"/>` +
    `<ellipse cx="640" cy="232" rx="86" ry="20" fill="${p[4]}"/>` +
    `<path d="M450 470 Q640 ${440 + (s[6]! % 60)} 830 470" fill="none" stroke="${p[3]}" stroke-width="18"/>` +
    `<path d="M440 560 Q640 ${590 + (s[7]! % 50)} 840 560" fill="none" stroke="${p[0]}" stroke-width="10" stroke-dasharray="24 14"/>`,
  filigrana: (p, s) =>
    Array.from({ length: 6 + (s[6]! % 4) }, (_, i) => `<circle cx="640" cy="480" r="${60 + i * 38}" fill="none" stroke="${i % 2 ? '#7d838e' : '#a9aeb7'}" stroke-width="${14 - i}" stroke-dasharray="${6 + i * 3} ${4 + i}"/>`).join('') +
    Array.from({ length: 12 }, (_, i) => {
      const a = (i / 12) * Math.PI * 2;
      return `<circle cx="${640 + Math.cos(a) * 300}" cy="${480 + Math.sin(a) * 300}" r="22" fill="none" stroke="#7d838e" stroke-width="8"/>`;
    }).join('') +
    `<circle cx="640" cy="480" r="40" fill="${p[3]}"/>`,
  sombreros: (p, s) =>
    `<ellipse cx="640" cy="640" rx="460" ry="120" fill="${p[1]}" stroke="${p[4]}" stroke-width="6"/>` +
    Array.from({ length: 5 + (s[6]! % 4) }, (_, i) => `<ellipse cx="640" cy="640" rx="${440 - i * 40}" ry="${112 - i * 10}" fill="none" stroke="${i % 2 ? '#222222' : p[0]}" stroke-width="12"/>`).join('') +
    `<path d="M470 620 Q480 360 640 340 Q800 360 810 620 Z" fill="${p[0]}" stroke="#222222" stroke-width="6"/>` +
    Array.from({ length: 6 }, (_, i) => `<path d="M${480 + i * 2} ${600 - i * 42} Q640 ${580 - i * 46} ${800 - i * 2} ${600 - i * 42}" fill="none" stroke="#222222" stroke-width="10"/>`).join(''),
  cesteria: (p, s) =>
    `<clipPath id="basket"><path d="M330 400 H950 L860 780 H420 Z"/></clipPath>` +
    `<g clip-path="url(#basket)">` +
    Array.from({ length: 16 }, (_, i) => `<rect x="${330 + i * 40}" y="400" width="20" height="380" fill="${i % 2 ? p[3] : p[2]}"/>`).join('') +
    Array.from({ length: 10 }, (_, i) => `<rect x="330" y="${400 + i * 38}" width="620" height="${14 + (s[i]! % 6)}" fill="${i % 2 ? p[4] : p[1]}" opacity="0.85"/>`).join('') +
    `</g><ellipse cx="640" cy="400" rx="310" ry="40" fill="none" stroke="${p[2]}" stroke-width="20"/>`,
  textiles: (p, s) =>
    `<g transform="rotate(${(s[6]! % 9) - 4} 640 480)"><rect x="300" y="170" width="680" height="620" fill="${p[2]}"/>` +
    `${stripes(330, 200, 620, 560, [p[2], p[3], p[4], p[0]], s)}` +
    Array.from({ length: 14 }, (_, i) => `<line x1="${320 + i * 48}" y1="790" x2="${320 + i * 48}" y2="840" stroke="${p[3]}" stroke-width="8"/>`).join('') +
    `</g>`,
};

/** The SVG of a product's illustration: deterministic for its name and category. */
export function illustrationSvg(product: { name: string; categorySlug: string }): string {
  const seed = seedOf(product.name);
  const palette = PALETTES[seed[0]! % PALETTES.length]!;
  const shape = SHAPES[product.categorySlug] ?? ((p: Palette, s: Buffer) => stripes(340, 220, 600, 520, p, s));
  const dots = Array.from({ length: 14 }, (_, i) => `<circle cx="${(seed[i]! * 5 + i * 97) % WIDTH}" cy="${(seed[i + 14]! * 3 + i * 61) % 200 + 20}" r="${4 + (seed[i]! % 6)}" fill="${palette[3]}" opacity="0.35"/>`).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">` +
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="${palette[0]}"/>` +
    `<rect y="${HEIGHT * 0.72}" width="${WIDTH}" height="${HEIGHT * 0.28}" fill="${palette[1]}"/>${dots}` +
    `<ellipse cx="640" cy="${HEIGHT * 0.86}" rx="420" ry="46" fill="#000000" opacity="0.08"/>` +
    shape(palette, seed) +
    `</svg>`
  );
}

export interface DemoIllustration {
  productId: string;
  /** A stable image id per demo product, so every seeded database names the same image. */
  imageId: string;
  svg: string;
  width: number;
  height: number;
  renditions: { width: number; height: number; storageKey: string }[];
}

const slugOf = new Map(demo.categories.map((c) => [c.id, c.slug]));

/** Every demo product's illustration, with the keys its renditions are stored under (the SVG's hash makes them content-addressed). */
export const demoIllustrations: DemoIllustration[] = demo.products.map((product) => {
  const svg = illustrationSvg({ name: product.name, categorySlug: slugOf.get(product.categoryId) ?? '' });
  const hash = createHash('sha256').update(svg).digest('hex').slice(0, 16);
  return {
    productId: product.id,
    imageId: stableId('product-image', product.sku),
    svg,
    width: WIDTH,
    height: HEIGHT,
    renditions: RENDITION_WIDTHS.map((width) => ({ width, height: Math.round((HEIGHT * width) / WIDTH), storageKey: `demo/${product.sku.toLowerCase()}-${width}-${hash}.webp` })),
  };
});

const byKey = new Map(demoIllustrations.flatMap((illustration) => illustration.renditions.map((r) => [r.storageKey, { illustration, width: r.width }] as const)));

/** Renders a demo rendition from its SVG when the key is one; null for any other key. */
export async function renderDemoRendition(key: string): Promise<Rendition | null> {
  const found = byKey.get(key);
  if (!found) return null;
  const sharp = await loadSharp();
  return render(sharp(Buffer.from(found.illustration.svg)), found.width);
}

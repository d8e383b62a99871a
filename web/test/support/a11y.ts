import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { resultsDir } from './browser';
import { measurePhoneLayout, type PhoneLayout } from './layout';

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };
/** The narrowest and widest phones the layout must fit without wrapping controls, besides PHONE. */
export const PHONE_RANGE = [360, 414] as const;

/** One axe rule broken on a page, with the elements that break it. */
export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

export interface PageAudit {
  name: string;
  path: string;
  desktop: AxeViolation[];
  phone: AxeViolation[];
  layout: PhoneLayout;
  /** The same measures at the other phone widths (PHONE_RANGE). */
  otherPhones: PhoneLayout[];
}

/** The impacts a page may not have (axe's "minor" and "moderate" are reported, not failed). */
const BLOCKING = new Set(['serious', 'critical']);
export const blocking = (violations: AxeViolation[]) => violations.filter((v) => BLOCKING.has(v.impact));

/** axe-core's minified build: the same engine and rules as `axe.source` at less than half its size, injected into every new document audited. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core over the whole document as it is now. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, which the storefront's Content-Security-Policy does not govern
  // (a <script> tag would be refused, as it should be).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const engine = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const results = await engine.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

const describe = (violations: AxeViolation[]) => violations.map((v) => `${v.impact} ${v.id} (${v.targets.slice(0, 3).join(', ')})`).join('; ') || 'none';

/**
 * Checks the page a test is on, as it is now, at both widths: axe at desktop and phone width, and at phone width
 * the layout measures and a full-page screenshot (web/test-results/phone-<name>.png). The viewport is put back
 * as it was. Returns what was found; `expectAccessible` asserts it.
 */
export async function auditPage(page: Page, name: string): Promise<PageAudit> {
  const original = page.viewportSize() ?? PHONE;
  const path = new URL(page.url()).pathname;
  // Each width once, the page's own (most often PHONE) first: every resize re-lays out and re-renders the page.
  let current = original;
  const resize = async (size: { width: number; height: number }) => {
    if (size.width === current.width && size.height === current.height) return;
    await page.setViewportSize(size);
    current = size;
  };
  await resize(PHONE);
  const phone = await runAxe(page);
  const layout = await measurePhoneLayout(page);
  mkdirSync(resultsDir, { recursive: true });
  await page.screenshot({ path: `${resultsDir}phone-${name}.png`, fullPage: true });
  const otherPhones: PhoneLayout[] = [];
  for (const width of PHONE_RANGE) {
    await resize({ ...PHONE, width });
    otherPhones.push(await measurePhoneLayout(page));
  }
  await resize(DESKTOP);
  const desktop = await runAxe(page);
  await resize(original);
  const audit = { name, path, desktop, phone, layout, otherPhones };
  mkdirSync(`${resultsDir}axe/`, { recursive: true });
  writeFileSync(`${resultsDir}axe/${name}.json`, `${JSON.stringify(audit, null, 2)}\n`);
  const measures = [layout, ...otherPhones].map((l) => `${l.innerWidth}: header ${l.headerHeight}px, width ${l.scrollWidth}, wrapped ${l.wrapped.length}`).join('; ');
  console.log(`a11y ${name} ${path}: desktop ${describe(desktop)} | phone ${describe(phone)} | ${measures}`);
  return audit;
}

/** The header's height on a phone: two rows (brand and account, then the menu), never three. */
export const PHONE_HEADER_MAX_PX = 110;

/**
 * 0 serious or critical axe violations at either width; at every phone width (360, 390, 414) nothing wider than
 * the screen, a header of at most two rows and no control whose label wraps. Soft, so one run reports every problem.
 */
export function expectAccessible(audit: PageAudit) {
  expect.soft(blocking(audit.desktop), `axe on ${audit.name} (desktop)`).toEqual([]);
  expect.soft(blocking(audit.phone), `axe on ${audit.name} (phone)`).toEqual([]);
  for (const layout of [audit.layout, ...audit.otherPhones]) {
    expect.soft(layout.scrollWidth, `${audit.name}: page width at ${layout.innerWidth} px`).toBeLessThanOrEqual(layout.innerWidth);
    expect.soft(layout.headerHeight, `${audit.name}: header height at ${layout.innerWidth} px`).toBeLessThanOrEqual(PHONE_HEADER_MAX_PX);
    expect.soft(layout.wrapped, `${audit.name}: controls whose label wraps at ${layout.innerWidth} px`).toEqual([]);
  }
}

/**
 * Follows the pages one browser page visits (client-side navigations included) so a test can prove it audited
 * every one of them: `check(name)` audits the current page and asserts it, `unchecked()` lists visited paths never audited.
 */
export function a11yTracker(page: Page) {
  const visited = new Set<string>();
  const audited = new Set<string>();
  const audits: PageAudit[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && frame.url().startsWith('http')) visited.add(new URL(frame.url()).pathname);
  });
  return {
    audits,
    async check(name: string): Promise<PageAudit> {
      const audit = await auditPage(page, name);
      expectAccessible(audit);
      audited.add(audit.path);
      audits.push(audit);
      return audit;
    },
    unchecked: () => [...visited].filter((path) => !audited.has(path)),
  };
}

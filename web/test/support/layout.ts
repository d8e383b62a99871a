import type { Page } from 'playwright-core';

/** What a phone-width page measures: the header's height, the page's width against the screen's, wrapped controls. */
export interface PhoneLayout {
  innerWidth: number;
  scrollWidth: number;
  headerHeight: number;
  /** Buttons, badges, statuses and header links whose label breaks onto a second line ("Salir" alone, "Disponible" over "(16)"). */
  wrapped: string[];
}

/** The controls whose label must stay on one line; product names, cells and text-styled buttons (.link) may wrap like prose. */
const CONTROLS = 'button:not(.link), .button:not(.link), .badge, .status, .count-pill, .site-header a, .site-header button';

export async function measurePhoneLayout(page: Page): Promise<PhoneLayout> {
  return page.evaluate((selector) => {
    /** Lines a control's visible text takes: text boxes that start below the first one's bottom begin a new line. */
    const lines = (element: Element): number => {
      const rects: DOMRect[] = [];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement!;
        // Text for screen readers only (.visually-hidden is clipped to 1 px) is not on screen.
        if (!node.textContent?.trim() || parent.getBoundingClientRect().width <= 1) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        rects.push(...[...range.getClientRects()].filter((r) => r.width > 0));
      }
      if (!rects.length) return 0;
      const firstBottom = Math.min(...rects.map((r) => r.bottom));
      return 1 + rects.filter((r) => r.top >= firstBottom - 1).length;
    };
    const describe = (element: Element) => `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).trim().replace(/\s+/g, '.')}` : ''} "${element.textContent?.trim().slice(0, 40)}"`;
    const wrapped = [...document.querySelectorAll(selector)]
      .filter((element) => (element as HTMLElement).offsetParent !== null && lines(element) > 1)
      .map(describe);
    return {
      innerWidth: window.innerWidth,
      scrollWidth: document.documentElement.scrollWidth,
      headerHeight: Math.round(document.querySelector('.site-header')?.getBoundingClientRect().height ?? 0),
      wrapped,
    };
  }, CONTROLS);
}

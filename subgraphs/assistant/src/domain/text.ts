/** Plain-text helpers for understanding questions: accents, case and punctuation never matter. */

/** Lowercase, accents removed (á → a, ñ → n), punctuation as spaces, spaces collapsed. */
export const normalize = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export const words = (text: string): string[] => normalize(text).split(' ').filter(Boolean);

/** Edit distance with a cap: anything past `max` is max + 1 (enough to tell "close" from "not close"). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]!);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** Whether a word of the question stands for a word of a name: the same, a plural, or a typo away. */
export function sameWord(asked: string, name: string): boolean {
  if (asked === name) return true;
  if (/^\d+$/.test(name) || /^\d+$/.test(asked)) return false;
  if (asked === `${name}s` || asked === `${name}es` || name === `${asked}s` || name === `${asked}es`) return true;
  if (name.length < 4) return false;
  return editDistance(asked, name, name.length >= 8 ? 2 : 1) <= (name.length >= 8 ? 2 : 1);
}

import { z } from 'zod';

/** The Luhn checksum every real card number passes. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** The brand from the number's prefix; what we keep beside the last four digits. */
export function cardBrand(digits: string): string {
  if (/^4/.test(digits)) return 'VISA';
  if (/^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/.test(digits)) return 'MASTERCARD';
  if (/^3[47]/.test(digits)) return 'AMEX';
  if (/^(6011|65|64[4-9])/.test(digits)) return 'DISCOVER';
  if (/^3(0[0-5]|[689])/.test(digits)) return 'DINERS';
  return 'OTHER';
}

// Messages never echo the value: a card number must not travel back in an error either.
export const zCard = z
  .object({
    number: z
      .string()
      .max(40, { message: 'Must be 12 to 19 digits.' })
      .transform((value) => value.replace(/ /g, ''))
      .pipe(z.string().regex(/^\d{12,19}$/, { message: 'Must be 12 to 19 digits.' }).refine(luhnValid, { message: 'Is not a valid card number.' })),
    expMonth: z.number().int().min(1, { message: 'Must be between 1 and 12.' }).max(12, { message: 'Must be between 1 and 12.' }),
    expYear: z.number().int().min(2000, { message: 'Must be a four-digit year.' }).max(2100, { message: 'Must be a four-digit year.' }),
    cvc: z.string().regex(/^\d{3,4}$/, { message: 'Must be 3 or 4 digits.' }),
  })
  .superRefine((card, ctx) => {
    // A card is valid through the last day of its expiry month (UTC).
    const now = new Date();
    const year = now.getUTCFullYear();
    const month = now.getUTCMonth() + 1;
    if (card.expYear < year) ctx.addIssue({ code: 'custom', message: 'The card has expired.', path: ['expYear'] });
    else if (card.expYear === year && card.expMonth < month) ctx.addIssue({ code: 'custom', message: 'The card has expired.', path: ['expMonth'] });
  });

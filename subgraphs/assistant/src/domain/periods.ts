import { normalize } from './text.js';

export interface Period {
  from: Date;
  to: Date;
  /** How the answer names it. */
  label: { es: string; en: string };
}

const DAY = 24 * 60 * 60 * 1000;
const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

/**
 * The period a question names (UTC, `to` exclusive and at most now): today, yesterday, this/last week, this/last
 * month, this year, the last N days; the last 30 days when it names none.
 */
export function parsePeriod(question: string, now: Date): Period {
  const q = ` ${normalize(question)} `;
  const today = startOfDay(now);
  const lastDays = q.match(/ (?:ultimos|ultimas|last|past) (\d{1,3}) (?:dias|days)/);
  if (lastDays) {
    const n = Math.min(366, Math.max(1, Number(lastDays[1])));
    return { from: new Date(now.getTime() - n * DAY), to: now, label: { es: `los últimos ${n} días`, en: `the last ${n} days` } };
  }
  if (/ (hoy|today) /.test(q)) return { from: today, to: now, label: { es: 'hoy', en: 'today' } };
  if (/ (ayer|yesterday) /.test(q)) return { from: new Date(today.getTime() - DAY), to: today, label: { es: 'ayer', en: 'yesterday' } };
  const monday = new Date(today.getTime() - ((today.getUTCDay() + 6) % 7) * DAY);
  if (/ (semana pasada|last week) /.test(q)) return { from: new Date(monday.getTime() - 7 * DAY), to: monday, label: { es: 'la semana pasada', en: 'last week' } };
  if (/ (esta semana|this week) /.test(q)) return { from: monday, to: now, label: { es: 'esta semana', en: 'this week' } };
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  if (/ (mes pasado|last month) /.test(q)) {
    const previous = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    return { from: previous, to: monthStart, label: { es: 'el mes pasado', en: 'last month' } };
  }
  if (/ (este mes|this month|del mes|en el mes) /.test(q)) return { from: monthStart, to: now, label: { es: 'este mes', en: 'this month' } };
  if (/ (este ano|this year|del ano) /.test(q)) return { from: new Date(Date.UTC(now.getUTCFullYear(), 0, 1)), to: now, label: { es: 'este año', en: 'this year' } };
  return { from: new Date(now.getTime() - 30 * DAY), to: now, label: { es: 'los últimos 30 días', en: 'the last 30 days' } };
}

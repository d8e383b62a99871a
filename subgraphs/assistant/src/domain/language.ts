import { words } from './text.js';

export type Language = 'es' | 'en';

const SPANISH = new Set('que cual cuanto cuantos cuanta cuantas cuando donde como hay quedan queda tengo tiene mi mis mio pedido pedidos orden estado existencias unidades de del la las el los es esta este por para productos producto mas vendidos vendido ventas vendi pronostico demanda se agota agotara agotan bajo pocas poco inventario dias ultimos mes semana ano hoy ayer dime muestrame cuales y con sin'.split(' '));
const ENGLISH = new Set('what which how many much when where is are there do does did my order orders status stock in left of the for this last month week year today yesterday top best sellers selling sold sales forecast demand run out will low products product show me tell units available and with'.split(' '));

/** The question's language: Spanish unless its words lean English (the shop's customers write Spanish first). */
export function detectLanguage(question: string): Language {
  if (/[¿¡ñ]/i.test(question)) return 'es';
  let es = 0;
  let en = 0;
  for (const word of words(question)) {
    if (SPANISH.has(word)) es++;
    if (ENGLISH.has(word)) en++;
  }
  return en > es ? 'en' : 'es';
}

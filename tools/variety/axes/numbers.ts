import { isDataRow, tablePieces, type ValueCell } from '../model.js';
import type { Random } from '../random.js';
import type { Axis } from './axis.js';

/**
 * How real reports print the numbers themselves: full-width digits (typed in a Chinese input method),
 * thousands separators (ASCII or full-width comma), a unit after the count (5件) or the amount
 * (18651.06万元), and blanks spelled several ways in one table (—, －, /, 无). Every value is still
 * printed: a reader must give each the number it says.
 */
export const numbers: Axis = {
  id: 'numbers',
  apply(draft, random) {
    const cells = tablePieces(draft.model)
      .flatMap((p) => p.rows.filter(isDataRow).map((row) => ({ table: p.table, row })))
      .flatMap(({ table, row }) => row.values.filter((v) => v.key).map((v) => ({ table, v })));
    const styles = random.sample(STYLES, random.int(1, 3));
    for (const style of styles) {
      draft.notes.push(style.name);
      for (const { table, v } of cells) style.apply(v, table, random);
    }
  },
};

interface Style {
  name: string;
  apply(v: ValueCell, table: string, random: Random): void;
}

const isCount = (text: string) => /^\d+$/.test(text);

const STYLES: Style[] = [
  {
    name: 'full-width digits',
    apply(v) {
      v.text = v.text.replace(/[0-9.]/g, (d) => (d === '.' ? '．' : String.fromCharCode(d.charCodeAt(0) + 0xfee0)));
    },
  },
  {
    name: 'thousands separators',
    apply(v, _table, random) {
      if (!/^\d{4,}(\.\d+)?$/.test(v.text)) return;
      const comma = random.chance(0.5) ? ',' : '，';
      const [whole, decimals] = v.text.split('.');
      v.text = whole.replace(/\B(?=(\d{3})+$)/g, comma) + (decimals ? `.${decimals}` : '');
    },
  },
  {
    name: 'units after the values',
    apply(v, table) {
      if (table === 'proactive' && /^\d+\.\d+$|^\d+$/.test(v.text) && v.key?.endsWith('.amount_10k_yuan')) v.text += '万元';
      else if (table !== 'proactive' && isCount(v.text)) v.text += '件';
    },
  },
  {
    name: 'blanks spelled several ways',
    apply(v, _table, random) {
      if (/^(|-|\/|无)$/.test(v.text)) v.text = random.pick(['—', '－', '/', '无', '-']);
    },
  },
];

/**
 * Splitting a unit cell of a task table (责任单位 / 牵头部门) into unit names.
 *
 * Separators: 、 ， , ； ; line breaks and runs of spaces. Never split inside brackets
 * (`各县（市、区）政府（管委会）` stays one) nor inside group names: anything ending in `部门、单位`
 * (`市政府各部门、单位`, `市政府有关部门、单位`, `市行政审批服务局等市政府有关部门、单位`) and a
 * bare administrative level followed by `、` (`市、县级政府办公室`, `省、市、县政府`).
 */

const OPEN = '（(【[〔《“‘「';
const CLOSE = '）)】]〕》”’」';
const SEPARATORS = new Set(['、', '，', ',', '；', ';', '\n', '\r', '\t', ' ', '\u3000', '\u00a0']);
/** Pieces that are only administrative levels, joined to the next piece with 、 (市、县级…). */
const LEVEL_CHAIN =
  /^(省|市|县|区|乡|镇|村|街道|省级|市级|县级|区级|乡级|镇级)(、(省|市|县|区|乡|镇|村|街道|省级|市级|县级|区级|乡级|镇级))*$/;
/** Pieces that continue a group name ending in 部门 (…部门、单位). */
const GROUP_TAIL = /^(各)?(单位|直属单位|机构)(等)?$/;

type Piece = { text: string; sep: string };

/** Split on separators outside brackets, remembering the separator that followed each piece. */
function rawPieces(cell: string): Piece[] {
  const pieces: Piece[] = [];
  let depth = 0;
  let current = '';
  let i = 0;
  while (i < cell.length) {
    const ch = cell[i] as string;
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && SEPARATORS.has(ch)) {
      let sep = ch;
      let j = i + 1;
      while (j < cell.length && SEPARATORS.has(cell[j] as string)) {
        sep += cell[j];
        j++;
      }
      pieces.push({ text: current, sep });
      current = '';
      i = j;
      continue;
    }
    current += ch;
    i++;
  }
  pieces.push({ text: current, sep: '' });
  return pieces;
}

/** The first separator character that is not whitespace, or '' when the run is only whitespace. */
function punct(sep: string): string {
  for (const ch of sep) if (!/\s/.test(ch)) return ch;
  return '';
}

export function splitUnits(cell: string): string[] {
  const pieces = rawPieces(cell).filter((p, i, all) => p.text.trim() !== '' || i === all.length - 1);
  const merged: Piece[] = [];
  for (const piece of pieces) {
    const text = piece.text.trim();
    if (text === '') continue;
    const prev = merged[merged.length - 1];
    if (prev && punct(prev.sep) === '、' && GROUP_TAIL.test(text) && /部门$/.test(prev.text)) {
      prev.text = `${prev.text}、${text}`;
      prev.sep = piece.sep;
      continue;
    }
    if (prev && punct(prev.sep) === '、' && LEVEL_CHAIN.test(prev.text)) {
      // 市、县级政府办公室 / 省、市、县政府: levels are collected until the name itself.
      prev.text = `${prev.text}、${text}`;
      prev.sep = piece.sep;
      continue;
    }
    merged.push({ text, sep: piece.sep });
  }
  const out: string[] = [];
  for (const p of merged) if (!out.includes(p.text)) out.push(p.text);
  return out;
}

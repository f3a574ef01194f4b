/**
 * One key per reporting body across years. Reports of the same body name it differently: full- and
 * half-width characters, spaces, and the office that drafts the report (管委会办公室, 人民政府办公室) for the
 * body itself (管委会, 人民政府). The region stays part of the key, so 平潭县人民政府办公室 and
 * 福州市人民政府 never merge.
 */
const DRAFTING_OFFICE_SUFFIXES: Array<[RegExp, string]> = [
  [/管委会办公室$/, '管委会'],
  [/管理委员会办公室$/, '管委会'],
  [/管理委员会$/, '管委会'],
  [/人民政府办公室$/, '人民政府'],
];

export function agencyKey(name: string): string {
  let s = name.normalize('NFKC').replace(/[\s\u3000]+/g, '');
  for (const [re, to] of DRAFTING_OFFICE_SUFFIXES) s = s.replace(re, to);
  // 平潭综合实验区 and 平潭综合实验区管委会 are the same body: the government of the zone.
  s = s.replace(/管委会$/, '');
  return s;
}

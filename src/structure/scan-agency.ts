/**
 * The agency of a scanned report. OCR misreads a character of a name now and then (平漂 for 平潭), and a
 * name read once cannot tell its own misreading apart: a researcher grouping by agency would file the
 * report under a body that does not exist. So a name off a scan is taken only when the text reads it
 * twice — the title and the signature, or the name again in the body — each reading an OCR of its own.
 */
import type { Message } from '../../extractors/model.js';
import { agencyReadByOcr } from './agency.js';

const IDEOGRAPH = '[\\u4e00-\\u9fff]';

export function agencyOffScan(titleRead: string | undefined, signatureRead: string | undefined, bodyText: string): { agency?: string; messages: Message[] } {
  const messages: Message[] = [];
  const uncertain = (message: string) => messages.push({ code: 'structure-agency-uncertain', message });
  const title = agencyReadByOcr(titleRead);
  const signed = agencyReadByOcr(signatureRead);
  const dropped = [titleRead, signatureRead].filter((name, i) => name && ![title, signed][i]);
  if (dropped.length) uncertain(`read by OCR, ${dropped.join(' / ')} does not end as a body's name does; not taken as the agency`);
  // Title and signature naming different bodies, neither holding the other (…人民政府 / …人民政府办公室).
  if (title && signed && !title.includes(signed) && !signed.includes(title)) {
    uncertain(`the title read by OCR names ${title}, the signature ${signed}; agency left blank`);
    return { messages };
  }
  // One reading the end of the other (the title's 办公厅 of the signature's 上海市人民政府办公厅, its first characters lost
  // to OCR): the shorter is no body's name of its own, and is found again inside the longer wherever that is read.
  // The longer is the name the text must read twice.
  const name = title && signed && title !== signed && (signed.endsWith(title) || title.endsWith(signed)) ? (title.length > signed.length ? title : signed) : (title ?? signed);
  if (!name) return { messages };
  // The other reading going on past the name into characters no name ends with (the signature's 上海市人民政府办 cut short,
  // the title's 上海市人民政府办公打): the two disagree on where the name ends, and the longer one, inside which the shorter
  // is found again, is no second reading of it. (A longer reading that is a name, …办公室, is the body's office: the title stands.)
  const longer = [titleRead, signatureRead].find((read) => read && read !== name && read.startsWith(name) && !agencyReadByOcr(read));
  if (longer) {
    uncertain(`read by OCR as ${name} and as ${longer}: the readings disagree on where the name ends; agency left blank`);
    return { messages };
  }
  // Counted in the text with its line breaks: a name opening a line follows the line before's last character.
  if (readingsOfTheName(bodyText, name) >= 2) return { agency: name, messages };
  // The other reading agrees but for one character no name ends with (办公打 for 办公厅): a second reading.
  const other = name === title ? signatureRead : titleRead;
  if (other && !agencyReadByOcr(other) && differByOne(other, name)) return { agency: name, messages };
  const reread = nearReading(bodyText, name);
  if (reread) {
    uncertain(`read once by OCR as ${name}, the text reads ${reread.name} ${reread.times} times; took ${reread.name}`);
    return { agency: reread.name, messages };
  }
  uncertain(`read by OCR as ${name} once, and nowhere again in the text; agency left blank`);
  return { messages };
}

function differByOne(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  return x.length === y.length && x.filter((c, i) => c !== y[i]).length === 1;
}

/**
 * The one name that differs from `name` in a single character and that the text reads at least twice, each
 * time as a name of its own (潭综合实验区 inside 平潭综合实验区 twice is no reading of it: the title read 平潭 as 有).
 */
function nearReading(text: string, name: string): { name: string; times: number } | undefined {
  const chars = [...name];
  const times = new Map<string, number>();
  chars.forEach((_, i) => {
    const pattern = new RegExp(escape(chars.slice(0, i).join('')) + IDEOGRAPH + escape(chars.slice(i + 1).join('')), 'g');
    for (const m of text.matchAll(pattern)) if (m[0] !== name && standsAlone(text, m.index)) times.set(m[0], (times.get(m[0]) ?? 0) + 1);
  });
  const twice = [...times].filter(([candidate, n]) => n >= 2 && agencyReadByOcr(candidate) === candidate);
  return twice.length === 1 ? { name: twice[0]![0], times: twice[0]![1] } : undefined;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * How often the text reads `name` as a name of its own: not where it is the tail of a longer one (实验区 in
 * 平潭综合实验区, where OCR lost the title's first characters). An ideograph before it ends that reading unless
 * it is a word that stands before a name (2024年…, 本报告由…, 关于…, 现将…).
 */
function readingsOfTheName(text: string, name: string): number {
  let count = 0;
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) if (standsAlone(text, at)) count++;
  return count;
}

/** Whether a name read at `at` is one of its own, not the tail of a longer one (see readingsOfTheName). */
function standsAlone(text: string, at: number): boolean {
  const before = text[at - 1] ?? '';
  return !IDEOGRAPH_ALONE.test(before) || WORDS_BEFORE_A_NAME.includes(before);
}
const WORDS_BEFORE_A_NAME = '年于由在将对是为及和与经';
const IDEOGRAPH_ALONE = new RegExp(`^${IDEOGRAPH}$`);

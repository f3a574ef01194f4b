import type { Random } from '../random.js';
import type { Axis } from './axis.js';

type Cells = Record<string, number | null>;
const n = (cells: Cells, key: string): number | null => cells[key] ?? null;

/**
 * Ways real reports state the year's figures in words, each true of the printed table under one
 * reasonable reading: applications received counted with those carried over (收到申请N件，其中上年结转M件),
 * processed with or without those carried forward, litigation as both groups together or as one figure
 * for review and litigation (均为0件); the year's applications told in parts (by channel, by applicant),
 * with or without the whole, and beside last year's figure.
 */
const PHRASES: ((c: Cells, year: number) => string | undefined)[] = [
  (c) => {
    const fresh = n(c, 'requests.new_received.total');
    const carried = n(c, 'requests.carried_over.total');
    if (fresh === null || carried === null || carried === 0) return undefined;
    return `全年共收到政府信息公开申请${fresh + carried}件（含上年结转${carried}件）。`;
  },
  (c) => {
    const fresh = n(c, 'requests.new_received.total');
    return fresh === null ? undefined : `本年度新收政府信息公开申请${fresh}件。`;
  },
  (c) => {
    const fresh = n(c, 'requests.new_received.total');
    return fresh === null ? undefined : `共受理依申请公开${fresh}件。`;
  },
  (c) => {
    const fresh = n(c, 'requests.new_received.total');
    if (fresh === null || fresh < 2) return undefined;
    const inPerson = Math.floor(fresh / 3);
    return `本年度收到当面申请${inPerson}件、网上申请${fresh - inPerson}件，共${fresh}件。`;
  },
  (c) => {
    const fresh = n(c, 'requests.new_received.total');
    const people = n(c, 'requests.new_received.natural_person');
    if (fresh === null || people === null || people === fresh) return undefined;
    return `收到自然人提出的申请${people}件，法人或其他组织提出的申请${fresh - people}件。`;
  },
  (c, year) => {
    const fresh = n(c, 'requests.new_received.total');
    if (fresh === null) return undefined;
    return `${year - 1}年收到政府信息公开申请${fresh + 7}件，${year}年收到政府信息公开申请${fresh}件。`;
  },
  (c) => {
    const done = n(c, 'requests.total_processed.total');
    const forward = n(c, 'requests.carried_forward.total');
    if (done === null || forward === null) return undefined;
    return `已全部按时答复${done}件，结转下年度继续办理${forward}件。`;
  },
  (c) => {
    const review = n(c, 'appeals.review.total');
    const direct = n(c, 'appeals.litigation_direct.total');
    const after = n(c, 'appeals.litigation_after_review.total');
    if (review === null || direct === null || after === null) return undefined;
    if (review === 0 && direct + after === 0) return '因政府信息公开工作被申请行政复议和提起行政诉讼均为0件。';
    return `因政府信息公开被申请行政复议${review}件，被提起行政诉讼${direct + after}件。`;
  },
];

export const prose: Axis = {
  id: 'prose',
  apply(draft, random: Random) {
    const block = draft.model.blocks.find((b) => b.kind === 'paragraph' && b.figures);
    if (!block || block.kind !== 'paragraph') return;
    const sentences = random
      .sample(PHRASES, random.int(2, PHRASES.length))
      .map((phrase) => phrase(draft.model.cells, draft.model.year))
      .filter((s): s is string => !!s);
    block.text = `${draft.model.year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。${sentences.join('')}`;
    draft.notes.push(`prose: ${sentences.join('')}`);
  },
};

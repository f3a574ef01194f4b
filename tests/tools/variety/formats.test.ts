import { describe, expect, it } from 'vitest';
import type { FormatId } from '../../../tools/variety/axes/axis.js';
import { formatsWithTools } from '../../../tools/variety/formats/available.js';
import { FORMAT_SPECS, FORMATS, OCR_FORMATS, SLOW_FORMATS } from '../../../tools/variety/formats/index.js';
import type { Tool } from '../../../tools/variety/formats/spec.js';

const tool = (name: string, present: boolean): Tool => ({ name, install: `install ${name}`, available: async () => present });

describe('the generator format registry', () => {
  it('lists formats made here as fast and every other as slow, OCR formats among them', () => {
    expect(FORMATS.filter((f) => !SLOW_FORMATS.includes(f))).toEqual(['txt', 'md', 'html', 'html-word']);
    expect(OCR_FORMATS.every((f) => SLOW_FORMATS.includes(f))).toBe(true);
    expect(OCR_FORMATS).toContain('pdf-outlines');
    expect(OCR_FORMATS).not.toContain('pdf');
  });

  it('makes text formats needing no program, and every other format with the program it needs named', () => {
    for (const f of FORMATS) expect(FORMAT_SPECS[f].needs.length === 0).toBe(FORMAT_SPECS[f].making.by === 'text');
  });

  it('leaves out exactly the formats whose programs are missing, saying so once per program', async () => {
    const office = tool('office', false);
    const browser = tool('browser', true);
    const gs = tool('gs', false);
    const specs = { txt: { needs: [] }, pdf: { needs: [office] }, 'pdf-chrome': { needs: [browser] }, 'pdf-outlines': { needs: [office, gs] } } as unknown as Record<FormatId, { needs: Tool[] }>;
    const log: string[] = [];
    const kept = await formatsWithTools(['txt', 'pdf', 'pdf-chrome', 'pdf-outlines'], (line) => log.push(line), specs);
    expect(kept).toEqual(['txt', 'pdf-chrome']);
    expect(log).toEqual(['office not found: pdf, pdf-outlines left out (install office)', 'gs not found: pdf-outlines left out (install gs)']);
  });
});

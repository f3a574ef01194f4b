import { describe, expect, it } from 'vitest';
import { labelCore } from '../../../src/templates/labels.js';

describe('labelCore', () => {
  it('drops characters of no width a reader passed on (a PDF text layer keeps them): 自然\u200b人 is 自然人', () => {
    expect(labelCore('自然\u200b人')).toBe('自然人');
    expect(labelCore('（一）予以\u00ad公开')).toBe('予以公开');
    expect(labelCore('1.本机关不掌握\u2060相关政府\u200d信息\ufeff')).toBe('本机关不掌握相关政府信息');
    expect(labelCore('自\u3000然\u3000人')).toBe('自然人');
  });
});

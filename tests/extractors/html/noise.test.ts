import { describe, expect, it } from 'vitest';
import { isChrome } from '../../../extractors/html/noise.js';
import type { DomElement } from '../../../extractors/html/dom.js';

const element = (name: string, attribs: Record<string, string>): DomElement => ({ type: 'tag', name, attribs, children: [], parent: null });

describe('isChrome', () => {
  it('judges each class-and-id pair on its own tokens, however often a class text recurs', () => {
    // The verdict is remembered per class and id: pairs whose texts run together alike must not share one.
    expect(isChrome(element('div', { class: 'nav', id: 'x' }))).toBe(true);
    expect(isChrome(element('div', { class: 'na', id: 'vx' }))).toBe(false);
    expect(isChrome(element('div', { class: 'article', id: '' }))).toBe(false);
    expect(isChrome(element('div', { class: 'article', id: 'footer' }))).toBe(true);
    expect(isChrome(element('div', { class: 'article' }))).toBe(false);
    expect(isChrome(element('div', { class: 'Top-Menu main' }))).toBe(true);
    expect(isChrome(element('div', {}))).toBe(false);
    expect(isChrome(element('footer', {}))).toBe(true);
  });
});

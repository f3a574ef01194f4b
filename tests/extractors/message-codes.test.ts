/** Message codes are data: one const list, each code with its one line in the README, and records carry no other. */
import { describe, expect, it } from 'vitest';
import { Message } from '../../extractors/model.js';
import { MESSAGE_CODES } from '../../extractors/message-codes.js';
import { readmeCodeTable } from '../helpers/readme-table.js';

describe('message codes', () => {
  it('are listed in the README, each once with the meaning the list gives it, and nothing else', () => {
    expect(readmeCodeTable('### Message codes')).toEqual(Object.entries(MESSAGE_CODES));
  });

  it('are the only codes a message may carry', () => {
    expect(Message.parse({ code: 'encoding-guessed', message: 'x' }).code).toBe('encoding-guessed');
    expect(() => Message.parse({ code: 'encoding-guesed', message: 'x' })).toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { DomainError } from '@applydesk/domain';
import { boundedDescription, MAX_DESCRIPTION_CHARS } from './description.js';

describe('description', () => {
  it('drops inline images, and keeps what is within the limit as sent', () => {
    const html = `<p><img src="data:image/png;base64,${'A'.repeat(2_000_000)}">Hi &amp; bye</p>`;
    expect(boundedDescription('workable', 'X1', html)).toBe('<p><img src="">Hi &amp; bye</p>');
    expect(boundedDescription('workable', 'X1', '<p>ok</p>')).toBe('<p>ok</p>');
  });

  it('refuses a description still over the limit, by the posting', () => {
    const long = 'x'.repeat(MAX_DESCRIPTION_CHARS + 1);
    let error: unknown;
    try {
      boundedDescription('lever', 'abc', long);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('INVALID_INPUT');
    expect((error as DomainError).message).toBe(
      'lever posting abc: description is 1000001 characters, over the 1000000-character limit (not stored)',
    );
  });
});

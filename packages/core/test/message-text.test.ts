import { describe, expect, it } from 'vitest';
import { checkMessageText, MAX_MESSAGE_CODE_POINTS } from '../src/index.js';

describe('checkMessageText', () => {
  it('trims the text and finds nothing wrong with an ordinary message', () => {
    expect(checkMessageText('  hello there \n')).toEqual({ text: 'hello there', problem: null });
  });

  it.each([
    ['empty', ''],
    ['spaces', '   '],
    ['tabs and newlines', '\t\n\r\n'],
    ['no-break and ideographic spaces', '\u00a0\u3000'],
  ])('calls a message of %s blank', (_, raw) => {
    expect(checkMessageText(raw)).toEqual({ text: '', problem: 'message_blank' });
  });

  it('allows 1024 characters and refuses 1025', () => {
    expect(MAX_MESSAGE_CODE_POINTS).toBe(1024);
    expect(checkMessageText('a'.repeat(1024)).problem).toBeNull();
    expect(checkMessageText('a'.repeat(1025)).problem).toBe('message_exceed_max_chars_1024');
  });

  it('counts an emoji as one character, though it is two UTF-16 units', () => {
    const emoji = '😀'.repeat(1024);
    expect(emoji.length).toBe(2048);
    expect(checkMessageText(emoji).problem).toBeNull();
    expect(checkMessageText(`${emoji}😀`).problem).toBe('message_exceed_max_chars_1024');
  });

  it('counts the length after trimming, so surrounding spaces do not count', () => {
    expect(checkMessageText(`   ${'a'.repeat(1024)}   `)).toEqual({ text: 'a'.repeat(1024), problem: null });
  });

  it('keeps inner whitespace and line breaks', () => {
    expect(checkMessageText(' line one\n\nline  two ').text).toBe('line one\n\nline  two');
  });

  it.each([
    ['a lone high surrogate', 'x\ud800y'],
    ['a lone low surrogate', 'x\udfffy'],
    ['a reversed pair', '\ude00\ud83d'],
    ['a high surrogate at the end', 'hello\ud83d'],
  ])('calls a message with %s invalid text', (_, raw) => {
    expect(checkMessageText(raw).problem).toBe('message_invalid_text');
  });

  it('accepts surrogate pairs, which are one code point each', () => {
    expect(checkMessageText('\ud83d\ude00 ok').problem).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { sanitizeMarkdown, sanitizeText } from '../../src/domain/sanitize-text.js';

describe('sanitizeText', () => {
  it('strips CSI, OSC, C1 CSI, C0 controls and bidi overrides from remote text', () => {
    const hostile =
      '421 4.7.0 \u001B[2Jcleared \u001B]0;pwned\u0007title \u009B31mred\u001B[0m \u202Eevil\u202C bell\u0007 nul\u0000 cr\rlf\n';
    const out = sanitizeText(hostile);
    expect(out).toBe('421 4.7.0 cleared title red evil bell nul crlf');
    expect(out).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E]/);
  });

  it('keeps ordinary text, unicode and tabs (as spaces) intact', () => {
    expect(sanitizeText('450 4.2.1 Trop de connexions\tréessayez')).toBe('450 4.2.1 Trop de connexions réessayez');
  });

  it('cuts long unbroken tokens to a maximum length', () => {
    expect(sanitizeText('x'.repeat(500), { maxLength: 20 })).toHaveLength(20);
  });

  it('escapes markdown table syntax', () => {
    expect(sanitizeMarkdown('a|b `c` <script>')).toBe('a\\|b \\`c\\` \\<script\\>');
  });
});

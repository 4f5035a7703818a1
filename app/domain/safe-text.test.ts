import { describe, expect, it } from 'vitest';
import { stripUnsafeChars } from './safe-text';

describe('stripUnsafeChars', () => {
  it('removes NUL, ESC, C1 controls and bidi overrides, keeps line breaks, tabs and Cyrillic', () => {
    expect(stripUnsafeChars('a\u0000b\u001bc\u0085d')).toBe('abcd');
    expect(stripUnsafeChars('evil\u202Efdp.exe')).toBe('evilfdp.exe');
    expect(stripUnsafeChars('\u2066x\u2069\u200F')).toBe('x');
    expect(stripUnsafeChars('Ред 1\r\nРед\t2 😀')).toBe('Ред 1\r\nРед\t2 😀');
  });
});

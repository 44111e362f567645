import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from './markdown-escape.js';

describe('escapeMarkdown', () => {
  it('neutralises links, emphasis, headings and lists', () => {
    expect(escapeMarkdown('[click](https://evil.example)')).toBe('\\[click\\]\\(https://evil\\.example\\)');
    expect(escapeMarkdown('**bold** _it_')).toBe('\\*\\*bold\\*\\* \\_it\\_');
    expect(escapeMarkdown('# Heading')).toBe('\\# Heading');
    expect(escapeMarkdown('- item\n1. one')).toBe('\\- item\n1\\. one');
  });

  it('neutralises mention-like tags and backslashes', () => {
    expect(escapeMarkdown('<at>Everyone</at>')).toBe('\\<at\\>Everyone\\</at\\>');
    expect(escapeMarkdown('C:\\path')).toBe('C:\\\\path');
  });

  it('leaves ordinary words alone', () => {
    expect(escapeMarkdown('Learned SQL window functions')).toBe('Learned SQL window functions');
  });
});

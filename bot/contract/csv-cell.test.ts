import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument } from './csv-cell.js';

describe('csvCell', () => {
  it('writes plain text, whole numbers and blanks as they are, other numbers to three places', () => {
    expect(csvCell('Feature flags')).toBe('Feature flags');
    expect(csvCell(25)).toBe('25');
    expect(csvCell(2 / 3)).toBe('0.667');
    expect(csvCell(null)).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
  });

  it('keeps anything a spreadsheet would run as a formula as text', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=HYPERLINK("https://evil.example","x")')).toBe(`"'=HYPERLINK(""https://evil.example"",""x"")"`);
    // Only the first character matters: a minus inside text is just text.
    expect(csvCell('Pairing - notes')).toBe('Pairing - notes');
  });
});

describe('csvDocument', () => {
  it('writes a header and one CRLF-ended line per row', () => {
    expect(
      csvDocument(
        ['a', 'b'],
        [
          ['x', 1],
          [null, '=y'],
        ],
      ),
    ).toBe("a,b\r\nx,1\r\n,'=y\r\n");
  });
});

import { describe, expect, it } from 'vitest';
import { normalizeLink, resourceKeyOf } from './resource-link.js';

describe('normalizeLink', () => {
  it.each([
    ['trims and keeps a plain link', '  https://example.com/guide  ', 'https://example.com/guide'],
    ['treats http as https', 'http://example.com/guide', 'https://example.com/guide'],
    ['lowercases the host', 'https://Example.COM/guide', 'https://example.com/guide'],
    ['drops the trailing dot of the host', 'https://example.com./guide', 'https://example.com/guide'],
    ['drops a leading www', 'https://www.example.com/guide', 'https://example.com/guide'],
    ['drops port 443', 'https://example.com:443/guide', 'https://example.com/guide'],
    ['drops port 80', 'http://example.com:80/guide', 'https://example.com/guide'],
    ['drops port 443 given with http', 'http://example.com:443/guide', 'https://example.com/guide'],
    ['keeps any other port', 'https://example.com:8443/guide', 'https://example.com:8443/guide'],
    ['drops a fragment that is a place on the page', 'https://example.com/guide#setup', 'https://example.com/guide'],
    ['drops an empty fragment', 'https://example.com/guide#', 'https://example.com/guide'],
    ['keeps a #/ route', 'https://app.example.com/#/lesson/3', 'https://app.example.com/#/lesson/3'],
    ['keeps a #!/ route', 'https://app.example.com/#!/lesson/3', 'https://app.example.com/#!/lesson/3'],
    ['removes utm_* of any case', 'https://example.com/a?UTM_Source=x&utm_medium=y&utm_whatever=z', 'https://example.com/a'],
    [
      'removes the click ids',
      'https://example.com/a?fbclid=1&gclid=2&dclid=3&gbraid=4&wbraid=5&msclkid=6&yclid=7&id=9',
      'https://example.com/a?id=9',
    ],
    [
      'removes mail and marketing tags',
      'https://example.com/a?mc_cid=1&mc_eid=2&igshid=3&_hsenc=4&_hsmi=5&mkt_tok=6&ref_src=7&ref_url=8&FBCLID=9',
      'https://example.com/a',
    ],
    ['removes si on YouTube', 'https://www.youtube.com/watch?v=abc&si=XYZ', 'https://youtube.com/watch?v=abc'],
    ['removes si on Spotify', 'https://open.spotify.com/episode/42?si=XYZ', 'https://open.spotify.com/episode/42'],
    ['keeps si elsewhere', 'https://example.com/search?si=XYZ', 'https://example.com/search?si=XYZ'],
    ['keeps feature=share', 'https://youtube.com/watch?v=abc&feature=share', 'https://youtube.com/watch?feature=share&v=abc'],
    ['sorts parameters by key', 'https://example.com/a?b=2&a=1&c=3', 'https://example.com/a?a=1&b=2&c=3'],
    ['keeps repeated keys in their order', 'https://example.com/a?tag=z&a=1&tag=b', 'https://example.com/a?a=1&tag=z&tag=b'],
    ['writes no ? for an empty query', 'https://example.com/a?', 'https://example.com/a'],
    ['writes no ? when only tracking was left', 'https://example.com/a/?utm_source=x', 'https://example.com/a'],
    ['collapses duplicate slashes', 'https://example.com//docs///intro', 'https://example.com/docs/intro'],
    ['removes a trailing slash', 'https://example.com/docs/', 'https://example.com/docs'],
    ['keeps the root slash', 'https://example.com', 'https://example.com/'],
    ['keeps the root slash after collapsing', 'https://example.com//', 'https://example.com/'],
    ['keeps path case', 'https://example.com/Docs/Intro', 'https://example.com/Docs/Intro'],
    ['lets URL normalise percent-encoding and dot segments', 'https://example.com/a b/./c/../d', 'https://example.com/a%20b/d'],
    ['expands youtu.be', 'https://youtu.be/abc123?t=42&si=XYZ', 'https://youtube.com/watch?t=42&v=abc123'],
    ['expands youtu.be with a trailing slash', 'http://youtu.be/abc123/', 'https://youtube.com/watch?v=abc123'],
    ['folds m.youtube.com', 'https://m.youtube.com/watch?v=abc', 'https://youtube.com/watch?v=abc'],
    ['folds mobile Wikipedia', 'https://en.m.wikipedia.org/wiki/Retrospective', 'https://en.wikipedia.org/wiki/Retrospective'],
    ['turns international hosts into punycode', 'https://bücher.example/x', 'https://xn--bcher-kva.example/x'],
  ])('%s', (_name, raw, canonical) => {
    expect(normalizeLink(raw)).toBe(canonical);
    // A canonical link is its own canonical form, so re-normalising stored links changes nothing.
    expect(normalizeLink(canonical)).toBe(canonical);
  });

  it.each([
    ['different paths', 'https://example.com/a', 'https://example.com/b'],
    ['different path case', 'https://example.com/Guide', 'https://example.com/guide'],
    ['different non-tracking parameters', 'https://youtube.com/watch?v=abc', 'https://youtube.com/watch?v=def'],
    ['a parameter against none', 'https://example.com/a?page=2', 'https://example.com/a'],
    ['different hosts', 'https://docs.example.com/a', 'https://example.com/a'],
    ['different subdomains of Wikipedia', 'https://en.m.wikipedia.org/wiki/X', 'https://de.wikipedia.org/wiki/X'],
    ['different non-default ports', 'https://example.com:8080/a', 'https://example.com:8443/a'],
    ['different client-side routes', 'https://app.example.com/#/a', 'https://app.example.com/#/b'],
  ])('keeps %s apart', (_name, a, b) => {
    expect(normalizeLink(a)).not.toBeNull();
    expect(normalizeLink(a)).not.toBe(normalizeLink(b));
  });

  it.each([
    ['javascript:alert(1)'],
    ['ftp://x'],
    ['mailto:'],
    ['mailto:someone@example.com'],
    ['data:text/html,<p>hi</p>'],
    [''],
    ['   '],
    ['not a url'],
    ['/relative/path'],
    ['https://user:pw@x.com'],
    ['https://user@x.com/a'],
    ['https://./'],
  ])('refuses %j', (raw) => {
    expect(normalizeLink(raw)).toBeNull();
  });

  it('does not throw on a malformed escape in a youtu.be id', () => {
    expect(normalizeLink('https://youtu.be/%E0')).toBe('https://youtube.com/watch?v=%25E0');
  });
});

describe('resourceKeyOf', () => {
  it('gives every variant of one resource the same key', () => {
    const variants = [
      'https://example.com/guide',
      'http://example.com/guide',
      'https://www.example.com/guide/',
      'http://www.example.com/guide/?utm_source=teams&utm_campaign=x',
      'HTTPS://WWW.EXAMPLE.COM:443/guide#intro',
    ];
    const keys = new Set(variants.map((raw) => resourceKeyOf(normalizeLink(raw)!)));
    expect(keys.size).toBe(1);
  });

  it('is 22 base64url characters, with no trace of the link', () => {
    const canonical = 'https://example.com/some-person/private-notes?id=42';
    const key = resourceKeyOf(canonical);
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(key).not.toContain('example');
    expect(resourceKeyOf('https://example.com/other')).not.toBe(key);
  });
});

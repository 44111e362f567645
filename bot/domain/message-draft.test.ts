import { describe, expect, it } from 'vitest';
import { CHECK_IN_LIMITS } from '../contract/check-in-rules.js';
import { messageDraft, type MessageDraft } from './message-draft.js';

const html = (content: string) => ({ contentType: 'html', content });
const text = (content: string) => ({ contentType: 'text', content });

describe('messageDraft', () => {
  it.each<[string, Parameters<typeof messageDraft>[0], MessageDraft]>([
    [
      'reads a Teams message with a mention and a link',
      html('<p><at id="0">Ana Lima</at> this talk on <a href="https://example.com/talk?x=1&amp;y=2" title="Talk">retros</a> is great</p>'),
      { what: 'Ana Lima this talk on retros is great', link: 'https://example.com/talk?x=1&y=2' },
    ],
    [
      'takes the first web link among several anchors',
      html('<a href=\'https://first.example/a\'>one</a> and <a href="https://second.example/b">two</a>'),
      { what: 'one and two', link: 'https://first.example/a' },
    ],
    [
      'decodes named and numeric entities once',
      html('Tom &amp; Jerry &lt;3 &quot;quoted&quot; &apos;single&apos;&nbsp;space &#39;dec&#39; &#x263A; &amp;lt;kept&amp;gt; &unknown;'),
      { what: "Tom & Jerry <3 \"quoted\" 'single' space 'dec' ☺ &lt;kept&gt; &unknown;", link: null },
    ],
    ['keeps escaped markup as text', html('Use &lt;b&gt;bold&lt;/b&gt; sparingly'), { what: 'Use <b>bold</b> sparingly', link: null }],
    [
      'drops script and style entirely',
      html('<style>p { color: red }</style>Before<script>alert("https://evil.example/x")</script> after<SCRIPT type="x">unclosed'),
      { what: 'Before after', link: null },
    ],
    [
      'separates blocks and line breaks',
      html('<div>one</div><div>two<br>three</div><ul><li>four</li><li>five</li></ul><p>six</p>'),
      { what: 'one two three four five six', link: null },
    ],
    ['joins inline tags without a space', html('<b>bold</b><i>ly</i> done<!-- a comment -->'), { what: 'boldly done', link: null }],
    [
      'finds a link in the text when no anchor has one',
      html('<p>See https://example.com/guide.</p>'),
      { what: 'See https://example.com/guide.', link: 'https://example.com/guide' },
    ],
    ['refuses a javascript anchor', html('<a href="javascript:alert(1)">click me</a>'), { what: 'click me', link: null }],
    [
      'skips a hostile anchor for a real one after it',
      html('<a href="javascript:alert(1)">bad</a> <a href="data:text/html,x">worse</a> <a href="http://ok.example/">good</a>'),
      { what: 'bad worse good', link: 'http://ok.example/' },
    ],
    [
      'strips sentence punctuation after a plain-text link',
      text('Read https://example.com/post. Then http://example.org/b?q=1), and (https://x.example/c)!'),
      {
        what: 'Read https://example.com/post. Then http://example.org/b?q=1), and (https://x.example/c)!',
        link: 'https://example.com/post',
      },
    ],
    [
      'keeps a bracket the link opened',
      text('Background: https://en.wikipedia.org/wiki/Retrospective_(agile), worth it'),
      {
        what: 'Background: https://en.wikipedia.org/wiki/Retrospective_(agile), worth it',
        link: 'https://en.wikipedia.org/wiki/Retrospective_(agile)',
      },
    ],
    [
      'stops a link at a quote or angle bracket',
      text('"https://example.com/a"<b>'),
      { what: '"https://example.com/a"<b>', link: 'https://example.com/a' },
    ],
    [
      'treats plain text as text, tags and all',
      text('  <b>Pairing</b>\n\n on   SQL &amp; more  '),
      { what: '<b>Pairing</b> on SQL &amp; more', link: null },
    ],
    ['treats a missing content type as text', { content: 'plain\tnote' }, { what: 'plain note', link: null }],
    ['has no link when there is none', html('<p>Pairing on SQL</p>'), { what: 'Pairing on SQL', link: null }],
    ['is empty for a missing body', undefined, { what: '', link: null }],
    ['is empty for non-string content', { contentType: 'html', content: { html: '<p>x</p>' } }, { what: '', link: null }],
    ['is empty for no content', { contentType: 'html' }, { what: '', link: null }],
  ])('%s', (_name, body, expected) => {
    expect(messageDraft(body, 200)).toEqual(expected);
  });

  it.each([
    ['cuts at a word boundary', 'The quick brown fox jumps', 12, 'The quick…'],
    ['fits exactly without a cut', 'The quick', 9, 'The quick'],
    ['uses the space right at the limit', 'The quick brown', 10, 'The quick…'],
    ['hard-cuts one long word', 'Supercalifragilistic', 8, 'Superca…'],
    ['hard-cuts rather than lose most of the text', 'An extraordinarilylongword', 12, 'An extraord…'],
    ['does not split an emoji', 'ab😀cd', 4, 'ab…'],
    ['is empty for a zero limit', 'anything', 0, ''],
    ['is only the ellipsis for a limit of one', 'anything', 1, '…'],
  ])('%s', (_name, content, max, what) => {
    const draft = messageDraft(text(content), max);
    expect(draft.what).toBe(what);
    expect(draft.what.length).toBeLessThanOrEqual(max);
  });

  it('cuts long messages to the check-in limit', () => {
    const words = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ');
    const { what } = messageDraft(html(`<p>${words}</p>`), CHECK_IN_LIMITS.what);
    expect(what.length).toBeLessThanOrEqual(CHECK_IN_LIMITS.what);
    expect(what).toMatch(/ word\d+…$/);
    expect(words.startsWith(what.slice(0, -1))).toBe(true);
  });

  it('drops a link longer than a check-in allows', () => {
    const long = `https://example.com/${'a'.repeat(CHECK_IN_LIMITS.link)}`;
    expect(messageDraft(html(`<a href="${long}">x</a>`), 200).link).toBeNull();
    expect(messageDraft(text(`see ${long}`), 200).link).toBeNull();
  });

  it.each([
    ['unclosed tags', '<a href="https://x.example/a" <b <i'],
    ['many opening angles', '<a'.repeat(50_000)],
    ['huge numeric entities', '&#99999999999; &#x110000; &#0; &#xD800;'],
    ['a malformed percent escape', 'https://example.com/%E0%A4%A'],
    ['nested scripts', '<script><script>x</script>y</script>z'],
  ])('never throws on %s', (_name, content) => {
    for (const contentType of ['html', 'text', 42, undefined]) {
      expect(() => messageDraft({ contentType, content }, 200)).not.toThrow();
    }
    expect(() => messageDraft(html(content), Number.NaN)).not.toThrow();
  });

  it('replaces impossible character references rather than throwing', () => {
    expect(messageDraft(html('a&#99999999999;b&#xD800;c'), 200).what).toBe('a\ufffdb\ufffdc');
  });
});

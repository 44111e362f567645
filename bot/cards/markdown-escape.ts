/**
 * Card text is rendered as a Markdown subset: a learner's words must show as typed and
 * never become links, emphasis, lists or headings. Backslash-escaping every Markdown
 * punctuation mark is CommonMark's own way to say "literal".
 */
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|<>~]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(MARKDOWN_PUNCTUATION, (ch) => `\\${ch}`);
}

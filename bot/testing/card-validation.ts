import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';

/** Teams renders schema 1.5 at most; older clients failed near 28 KB. */
export const MAX_CARD_VERSION = 1.5;
export const MAX_CARD_BYTES = 28 * 1024;

export interface CardCheck {
  parseErrors: string[];
  validationErrors: string[];
  version: string | undefined;
  bytes: number;
  /** The card as the Adaptive Cards renderer draws it, for asserting on visible text. */
  renderedText: string;
  renderedHtml: string;
  inputIds: string[];
  /** Each input's value as the rendered card holds it: what the learner sees pre-filled. */
  inputValues: Record<string, string | undefined>;
}

// The adaptivecards library ships no typings for its UMD bundle; the few members used are typed here.
interface AdaptiveCardsGlobal {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: Array<{ event: number; message: string }> };
    render(): HTMLElement | undefined;
    getAllInputs(): Array<{ id?: string; value?: unknown }>;
  };
  SerializationContext: new () => {
    eventCount: number;
    getEventAt(i: number): { phase: number; event: number; message: string };
  };
  ValidationEvent: Record<number, string>;
}

let library: { lib: AdaptiveCardsGlobal; dom: JSDOM } | undefined;

function adaptiveCards(): { lib: AdaptiveCardsGlobal; dom: JSDOM } {
  if (!library) {
    // The library's ESM build has extensionless imports Node cannot resolve; its UMD bundle runs in a DOM.
    const require = createRequire(import.meta.url);
    const source = readFileSync(require.resolve('adaptivecards/dist/adaptivecards.js'), 'utf8');
    const dom = new JSDOM('<!doctype html><html><body></body></html>', { runScripts: 'outside-only' });
    // jsdom has no innerText, which the renderer uses for plain text runs.
    Object.defineProperty(dom.window.HTMLElement.prototype, 'innerText', {
      get(this: HTMLElement) {
        return this.textContent ?? '';
      },
      set(this: HTMLElement, value: string) {
        this.textContent = value;
      },
    });
    // Render Markdown as a Teams-like host does, so tests see whether user text could become a link.
    Object.assign(dom.window, { markdownit: () => new MarkdownIt() });
    dom.window.eval(source);
    const lib = (dom.window as unknown as { AdaptiveCards: AdaptiveCardsGlobal }).AdaptiveCards;
    library = { lib, dom };
  }
  return library;
}

export function checkCard(card: unknown): CardCheck {
  const { lib } = adaptiveCards();
  const json = JSON.stringify(card);
  const parsedJson: unknown = JSON.parse(json);
  const context = new lib.SerializationContext();
  const adaptiveCard = new lib.AdaptiveCard();
  adaptiveCard.parse(parsedJson, context);
  const parseErrors: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    parseErrors.push(`${lib.ValidationEvent[e.event] ?? e.event}: ${e.message}`);
  }
  const validationErrors = adaptiveCard
    .validateProperties()
    .validationEvents.map((e) => `${lib.ValidationEvent[e.event] ?? e.event}: ${e.message}`);
  const rendered = adaptiveCard.render();
  const version = (parsedJson as { version?: string }).version;
  return {
    parseErrors,
    validationErrors,
    version,
    bytes: Buffer.byteLength(json, 'utf8'),
    renderedText: rendered?.textContent ?? '',
    renderedHtml: rendered?.outerHTML ?? '',
    inputIds: adaptiveCard.getAllInputs().map((i) => i.id ?? ''),
    inputValues: Object.fromEntries(
      adaptiveCard.getAllInputs().map((i) => [i.id ?? '', i.value === undefined ? undefined : String(i.value)]),
    ),
  };
}

/** Asserts what Teams needs of every card we send; returns the check for further assertions. */
export function expectValidTeamsCard(card: unknown): CardCheck {
  const check = checkCard(card);
  const problems: string[] = [...check.parseErrors, ...check.validationErrors];
  if (check.version === undefined || Number(check.version) > MAX_CARD_VERSION) {
    problems.push(`version ${check.version} is above ${MAX_CARD_VERSION}`);
  }
  if (check.bytes > MAX_CARD_BYTES) problems.push(`card is ${check.bytes} bytes, over ${MAX_CARD_BYTES}`);
  if (problems.length > 0) throw new Error(`Card is not valid for Teams:\n- ${problems.join('\n- ')}`);
  return check;
}

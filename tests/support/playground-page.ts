import type { Locator, Page, Response } from 'playwright-core';
import { blockExternalRequests } from './chromium.js';

/** What the Playground answered to a card's `Action.Execute` (the bot's invoke response). */
export interface InvokeResult {
  /** HTTP status of the Playground's `/v1/invoke` call. */
  status: number;
  /** Its JSON body: the bot's invoke response, e.g. `{ type: 'application/vnd.microsoft.card.adaptive', value: card }`. */
  body: unknown;
}

/** The part of the browser's `document` that waitForCardContaining() uses. */
interface CardDocument {
  querySelectorAll(selector: string): ArrayLike<{ innerText?: string }>;
}

/** A substring, or a RegExp sent to the page as its source and flags. */
interface CardPattern {
  text?: string;
  source?: string;
  flags?: string;
}

interface InputInfo {
  type: string;
  label?: string;
  placeholder?: string;
  title?: string;
}

/** Something the test put into a card, kept so that it can be put back (see restoreInputs). */
interface CardEdit {
  kind: 'text' | 'choice';
  input: string;
  value: string;
}

/** An entry of the Playground's log stream: one request between it and the bot, once answered. */
interface PlaygroundLogEntry {
  activityName?: string;
  from?: string;
  response?: { statusCode?: number };
}

interface TurnWaiter {
  activityName: string;
  done(): void;
}

const CARD = '.ac-adaptiveCard:not(.ac-adaptiveCard .ac-adaptiveCard)';
const SEND_MESSAGE = /\/_conversation\/v1\/conversations\/[^/]+\/messages$/;
const INVOKE = /\/_conversation\/v1\/invoke$/;
const PLAYGROUND = 'Microsoft 365 Agents Playground';

/**
 * Drives the Microsoft 365 Agents Playground's web client as a person would: type in the
 * compose box, fill a card by its labels, press its buttons. Every wait is on something
 * happening (an element, a request, a websocket message), never on time.
 *
 * Two things about the Playground shape this class:
 * - Cards are returned as positional locators (`nth`). The Playground answers an invoke by
 *   re-rendering the card in place, and re-renders every card whenever the conversation
 *   changes, with new generated element ids each time; an index keeps pointing at the card.
 * - Those re-renders rebuild each card from its JSON, so values typed into a card are lost
 *   whenever another message arrives (a late welcome card, the Playground confirming a
 *   sent message). Values set through fillText()/selectChoice() are therefore checked just
 *   before an action is pressed, and typed again if they were lost.
 */
export class PlaygroundPage {
  /** Adaptive Card inputs seen in this page's traffic, by card input id. */
  private readonly inputs = new Map<string, InputInfo>();
  /** What the test typed or chose, per card locator. */
  private readonly edits = new Map<string, CardEdit[]>();
  private readonly turnWaiters = new Set<TurnWaiter>();
  /** How many cards were on screen when the last message was sent. */
  private cardsBeforeLastMessage = 0;
  private offline = false;

  constructor(
    readonly page: Page,
    /** The Playground's URL, as returned by startPlayground(). */
    readonly url: string,
  ) {
    page.on('websocket', (socket) => {
      socket.on('framereceived', ({ payload }) => {
        if (typeof payload !== 'string') return;
        // Cards arrive over the conversation socket; their JSON is the only place an
        // input's id appears (the rendered DOM has generated ids).
        if (payload.includes('"Input.')) this.learnInputs(safeJson(payload));
        // The log socket reports each request to the bot once the bot has answered it.
        if (payload.includes('"appendLog"')) this.onLogEntry(safeJson(payload));
      });
    });
    page.on('response', (response) => {
      if (INVOKE.test(new URL(response.url()).pathname)) {
        response.json().then((body: unknown) => this.learnInputs(body), () => undefined);
      }
    });
  }

  /**
   * Opens the web client on the personal chat with the bot. Opening the page makes the
   * Playground send the bot `installationUpdate` and `conversationUpdate`; this waits until
   * the bot has answered both, so a welcome message cannot land in the middle of a test.
   * Start the bot first: the Playground waits up to 15 s for it before loading the page.
   */
  async openPersonalChat(options: { timeout?: number } = {}): Promise<void> {
    if (!this.offline) {
      await blockExternalRequests(this.page);
      this.offline = true;
    }
    if (!this.page.url().startsWith(this.url)) {
      const timeout = options.timeout ?? 30_000;
      const installed = Promise.all([
        this.waitForTurn('installationUpdate', timeout),
        this.waitForTurn('conversationUpdate', timeout),
      ]);
      installed.catch(() => undefined); // awaited below; a failed goto must not leave it unhandled
      await this.page.goto(this.url, { timeout });
      await installed;
    }
    await this.page.getByRole('treeitem', { name: 'Personal Chat', exact: true }).click();
    await this.composeBox().waitFor({ state: 'visible' });
  }

  /** The chat's compose box (a Lexical `contenteditable`). */
  composeBox(): Locator {
    return this.page.locator('[contenteditable="true"][role="textbox"]');
  }

  /** Every top-level card in the open conversation, oldest first. */
  cards(): Locator {
    return this.page.locator(CARD);
  }

  /** The newest card on screen right now (no waiting). */
  lastCard(): Locator {
    return this.cards().last();
  }

  /**
   * Sends a chat message. Resolves once the bot has finished its turn: the Playground
   * answers the send only after the bot has answered the activity, so every reply the bot
   * sent from that turn has reached the page by then.
   */
  async sendMessage(text: string): Promise<void> {
    const box = this.composeBox();
    await box.waitFor({ state: 'visible' });
    this.cardsBeforeLastMessage = await this.cards().count();
    await box.fill(text);
    const accepted = this.page.waitForResponse(
      (r) => r.request().method() === 'POST' && SEND_MESSAGE.test(new URL(r.url()).pathname),
    );
    await box.press('Enter');
    const response = await accepted;
    if (!response.ok()) {
      throw new Error(`The Playground refused the message "${text}": ${response.status()} ${await bodyText(response)}`);
    }
  }

  /**
   * Waits for a card whose visible text contains `text` (whitespace collapsed) or matches a
   * RegExp, and returns it. Only cards that appeared since the last sendMessage() count,
   * so an older card with the same text cannot answer for the new one; pass
   * `{ anyCard: true }` to search the whole conversation. The newest match wins.
   */
  async waitForCardContaining(
    text: string | RegExp,
    options: { anyCard?: boolean; timeout?: number } = {},
  ): Promise<Locator> {
    const from = options.anyCard ? 0 : this.cardsBeforeLastMessage;
    const pattern: CardPattern =
      typeof text === 'string' ? { text: collapse(text) } : { source: text.source, flags: text.flags };
    const found = await this.page.waitForFunction(
      ({ selector, from, pattern }) => {
        // No DOM types in this Node project: the one browser global used here, typed by hand.
        const { document } = globalThis as unknown as { document: CardDocument };
        const cards = Array.from(document.querySelectorAll(selector));
        for (let i = cards.length - 1; i >= from; i--) {
          const shown = (cards[i]?.innerText ?? '').replace(/\s+/g, ' ').trim();
          const hit =
            pattern.text !== undefined ? shown.includes(pattern.text) : new RegExp(pattern.source ?? '', pattern.flags).test(shown);
          if (hit) return { index: i };
        }
        return false;
      },
      { selector: CARD, from, pattern },
      { timeout: options.timeout, polling: 'raf' },
    );
    const { index } = (await found.jsonValue()) as { index: number }; // it resolves only once a card matched
    return this.cards().nth(index);
  }

  /** Types into a text, multi-line text, number, date or time input, found by its label or card input id. */
  async fillText(card: Locator, inputLabelOrId: string, value: string): Promise<void> {
    await this.applyText(card, inputLabelOrId, value);
    this.remember(card, { kind: 'text', input: inputLabelOrId, value });
  }

  /**
   * Picks a choice of an Input.ChoiceSet by its title: a compact one renders as a combobox
   * with a listbox of options, an expanded one as radio buttons (or checkboxes when multi-select).
   */
  async selectChoice(card: Locator, inputLabelOrId: string, choiceTitle: string): Promise<void> {
    await this.applyChoice(card, inputLabelOrId, choiceTitle);
    this.remember(card, { kind: 'choice', input: inputLabelOrId, value: choiceTitle });
  }

  /** The current value of an input as shown: the text, or a compact choice's title, or the checked choices' titles. */
  async inputValue(card: Locator, inputLabelOrId: string): Promise<string> {
    const input = await this.input(card, inputLabelOrId);
    if ((await input.locator('xpath=self::input | self::textarea').count()) > 0) return input.inputValue();
    // An expanded choice set: the titles of its checked radio buttons or checkboxes.
    const titles = await input.locator('input:checked').locator('xpath=following-sibling::label[1]').allInnerTexts();
    return titles.map((t) => t.trim()).join(',');
  }

  /**
   * Presses a card's action button by its title, after putting back any value set through
   * this class that a re-render wiped. Sends nothing when a required input is empty (the
   * card shows its error message instead).
   */
  async clickAction(card: Locator, title: string): Promise<void> {
    await this.restoreInputs(card);
    await card.getByRole('button', { name: title, exact: true }).click();
  }

  /**
   * Presses an `Action.Execute` button and resolves with the Playground's answer once the
   * bot has replied to the invoke. Fails (after `timeout`) if no invoke is sent, which is
   * what happens when the card's own validation stops it.
   */
  async executeAction(card: Locator, title: string, options: { timeout?: number } = {}): Promise<InvokeResult> {
    await this.restoreInputs(card);
    const answered = this.page.waitForResponse((r) => INVOKE.test(new URL(r.url()).pathname), {
      timeout: options.timeout,
    });
    await card.getByRole('button', { name: title, exact: true }).click();
    let response: Response;
    try {
      response = await answered;
    } catch (error) {
      throw new Error(
        `Pressing "${title}" sent no invoke (is a required input empty? the card then shows its error message instead)`,
        { cause: error },
      );
    }
    // The card now shows what the bot sent back; what was typed into the old one is gone.
    this.edits.delete(String(card));
    return { status: response.status(), body: safeJson(await bodyText(response)) };
  }

  /** A card's visible text, as a person reads it. */
  async cardText(card: Locator): Promise<string> {
    return (await card.innerText()).trim();
  }

  private async applyText(card: Locator, inputLabelOrId: string, value: string): Promise<void> {
    const input = await this.input(card, inputLabelOrId);
    await input.fill(value);
    // Fluent's SpinButton (Input.Number) commits what was typed when it loses focus.
    if ((await input.getAttribute('role')) === 'spinbutton') await input.blur();
  }

  private async applyChoice(card: Locator, inputLabelOrId: string, choiceTitle: string): Promise<void> {
    const input = await this.input(card, inputLabelOrId);
    if ((await input.getAttribute('role')) === 'combobox') {
      await input.click();
      await this.page.getByRole('listbox').getByRole('option', { name: choiceTitle, exact: true }).click();
      return;
    }
    // Expanded: each radio button or checkbox sits just before a <label> with the choice's
    // title (their accessible names also carry the set's label, so match the label itself).
    const choiceLabel = input.locator('label').filter({ hasText: exactly(choiceTitle) });
    await choiceLabel.locator('xpath=preceding-sibling::input[1]').check();
  }

  private remember(card: Locator, edit: CardEdit): void {
    const key = String(card);
    const kept = (this.edits.get(key) ?? []).filter((e) => !(e.kind === 'text' && edit.kind === 'text' && e.input === edit.input));
    this.edits.set(key, [...kept, edit]);
  }

  /** Types again what a re-render of the card wiped (see the class comment). */
  private async restoreInputs(card: Locator): Promise<void> {
    const edits = this.edits.get(String(card)) ?? [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const lost: CardEdit[] = [];
      for (const edit of edits) {
        const shown = await this.inputValue(card, edit.input);
        const kept = edit.kind === 'text' ? shown === edit.value : shown.split(',').includes(edit.value);
        if (!kept) lost.push(edit);
      }
      if (lost.length === 0) return;
      for (const edit of edits) {
        if (edit.kind === 'text') await this.applyText(card, edit.input, edit.value);
        else await this.applyChoice(card, edit.input, edit.value);
      }
    }
    throw new Error(`The card keeps losing the values typed into it (${edits.map((e) => e.input).join(', ')})`);
  }

  /**
   * The form control for a card input, by its label (or placeholder) or by the card input id.
   * The renderer gives elements new generated ids whenever the card re-renders, so the
   * control is found from its label's position, never by id.
   */
  private async input(card: Locator, inputLabelOrId: string): Promise<Locator> {
    const known = this.inputs.get(inputLabelOrId);
    const name = known ? (known.label ?? known.placeholder ?? known.title ?? inputLabelOrId) : inputLabelOrId;
    // A required input's label ends with " *" (hidden from assistive technology).
    const label = card
      .locator('label:has(+ .ac-input-container)')
      .filter({ hasText: new RegExp(`^\\s*${escapeRegExp(name)}(\\s*\\*)?\\s*$`) });
    const placeholder = card.getByPlaceholder(name, { exact: true });
    try {
      await label.or(placeholder).first().waitFor({ state: 'visible' });
    } catch (error) {
      const ids = [...this.inputs.keys()].join(', ') || 'none seen yet';
      throw new Error(`No input labelled "${name}" on this card (card input ids seen: ${ids})`, { cause: error });
    }
    if ((await label.count()) === 0) return placeholder.first();
    // The label, then the renderer's input container: a text field, number, date, time or
    // combobox; a radiogroup; or checkboxes (a multi-select choice set, a toggle).
    const container = label.first().locator('xpath=following-sibling::*[1]');
    const field = container.locator('[role="radiogroup"], textarea, input:not([type="radio"]):not([type="checkbox"])');
    return (await field.count()) > 0 ? field.first() : container;
  }

  private waitForTurn(activityName: string, timeout: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.turnWaiters.delete(waiter);
        reject(new Error(`The bot did not answer the Playground's ${activityName} within ${timeout} ms: is it running?`));
      }, timeout);
      const waiter: TurnWaiter = {
        activityName,
        done: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.turnWaiters.add(waiter);
    });
  }

  private onLogEntry(frame: unknown): void {
    if (typeof frame !== 'object' || frame === null) return;
    const entry = (frame as { log?: PlaygroundLogEntry }).log;
    if (!entry?.activityName || entry.from !== PLAYGROUND || entry.response === undefined) return;
    for (const waiter of this.turnWaiters) {
      if (waiter.activityName !== entry.activityName) continue;
      this.turnWaiters.delete(waiter);
      waiter.done();
      break;
    }
  }

  private learnInputs(value: unknown): void {
    if (Array.isArray(value)) {
      for (const item of value) this.learnInputs(item);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const node = value as Record<string, unknown>;
    if (typeof node.type === 'string' && node.type.startsWith('Input.') && typeof node.id === 'string') {
      this.inputs.set(node.id, {
        type: node.type,
        ...(typeof node.label === 'string' ? { label: node.label } : {}),
        ...(typeof node.placeholder === 'string' ? { placeholder: node.placeholder } : {}),
        ...(typeof node.title === 'string' ? { title: node.title } : {}),
      });
    }
    for (const child of Object.values(node)) {
      if (typeof child === 'object' && child !== null) this.learnInputs(child);
    }
  }
}

function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function bodyText(response: Response): Promise<string> {
  try {
    return await response.text();
  } catch {
    return '';
  }
}

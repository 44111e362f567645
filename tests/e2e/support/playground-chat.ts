import type { Locator, Page } from 'playwright-core';

/**
 * Drives the Agents Playground's chat as a person would: type in the compose box, fill a
 * card by its labels, press its buttons. Waits are on what appears, never on time.
 */
export class PlaygroundChat {
  constructor(private readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.composeBox().waitFor({ state: 'visible' });
  }

  composeBox(): Locator {
    return this.page.locator('[role="textbox"][contenteditable="true"]').first();
  }

  cards(): Locator {
    return this.page.locator('.ac-adaptiveCard');
  }

  /** Sends a message and resolves with the card the bot answers with. */
  async send(text: string): Promise<Locator> {
    const before = await this.cards().count();
    await this.composeBox().click();
    await this.composeBox().pressSequentially(text);
    await this.page.keyboard.press('Enter');
    const card = this.cards().nth(before);
    await card.waitFor({ state: 'visible' });
    return card;
  }

  async fill(card: Locator, label: string, value: string): Promise<void> {
    await card.getByLabel(label).first().fill(value);
  }

  /** Compact choice sets render as a combobox with a list of options. */
  async choose(card: Locator, label: string, option: string): Promise<void> {
    await card.getByRole('combobox', { name: label }).first().click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async press(card: Locator, button: string): Promise<void> {
    await card.getByRole('button', { name: button, exact: true }).click();
  }

  /** Waits until a card shows this text (the bot's answer replaces the card in place). */
  async waitForCardText(text: string): Promise<Locator> {
    const card = this.cards().filter({ hasText: text }).last();
    await card.waitFor({ state: 'visible' });
    return card;
  }

  async inputValue(card: Locator, label: string): Promise<string> {
    return card.getByLabel(label).first().inputValue();
  }
}

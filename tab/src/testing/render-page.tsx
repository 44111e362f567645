import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { appLocaleOf, isRtl } from '../../../bot/contract/i18n/locales.js';
import type { Catalog } from '../i18n/catalog.js';
import { LanguageProvider } from '../i18n/i18n-context.js';
import { ADMIN_ENGLISH } from '../i18n/admin-messages.js';
import { PageMessages } from '../i18n/page-messages.js';
import { TEAM_ENGLISH } from '../i18n/team-messages.js';
import { ar } from '../i18n/messages/ar.js';
import { es } from '../i18n/messages/es.js';

// Tells React this is a test environment, so act() flushes updates.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let container: HTMLElement | undefined;

const CATALOGS: Record<string, Catalog> = { es, ar };
const EVERY_PAGE_ENGLISH = { ...TEAM_ENGLISH, ...ADMIN_ENGLISH };

/**
 * Renders inside Fluent's provider, as the app does, into a fresh container on document.body: in
 * English, or in the language of `locale` (e.g. "es-ES", "ar") with its direction.
 */
export async function renderInFluent(element: ReactElement, { locale = 'en' }: { locale?: string } = {}): Promise<HTMLElement> {
  const target = document.body.appendChild(document.createElement('div'));
  container = target;
  root = createRoot(target);
  const language = appLocaleOf(locale);
  await act(async () =>
    root?.render(
      <LanguageProvider tag={locale} catalog={CATALOGS[language] ?? {}}>
        {/* Every page's English, so a part of the team page or the report can be tested on its own. */}
        <PageMessages english={EVERY_PAGE_ENGLISH}>
          <FluentProvider theme={teamsLightTheme} dir={isRtl(language) ? 'rtl' : 'ltr'}>
            {element}
          </FluentProvider>
        </PageMessages>
      </LanguageProvider>,
    ),
  );
  return target;
}

export function unmountRendered(): void {
  act(() => root?.unmount());
  container?.remove();
  root = undefined;
  container = undefined;
}

/** Lets pending promises and timers of zero delay run. */
export const settle = (ms = 0) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));

/** A button anywhere in the document (dialogs render outside the page) by its accessible text. */
export function buttonNamed(name: string, within: ParentNode = document): HTMLButtonElement | undefined {
  return [...within.querySelectorAll('button')].find((b) => b.textContent === name);
}

export async function click(element: Element | null | undefined): Promise<void> {
  if (!element) throw new Error('Nothing to click');
  await act(async () => (element as HTMLElement).click());
}

/** The control a visible label names, e.g. the input of the field labelled "Minutes spent". */
export function controlLabelled(label: string, within: ParentNode = document): HTMLElement {
  const found = [...within.querySelectorAll('label')].find((l) => l.textContent?.replace(/\s*\*$/, '').trim() === label);
  const control = found?.htmlFor ? document.getElementById(found.htmlFor) : undefined;
  if (!control) throw new Error(`No control labelled "${label}"`);
  return control;
}

/** Types into a React-controlled input or textarea the way a browser does. */
export async function typeInto(control: HTMLElement, value: string): Promise<void> {
  const prototype = control instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setValue = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  await act(async () => {
    setValue?.call(control, value);
    control.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export function dialog(): HTMLElement | null {
  return document.querySelector('[role="dialog"], [role="alertdialog"]');
}

/** Retries an assertion while React settles, for parts of a page that load on demand. */
export async function eventually(assertion: () => void, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await settle(20);
    }
  }
}

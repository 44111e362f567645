import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`), driven by playwright-core. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Headless Chromium with nothing that reaches for the network on its own. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}; the browser tests need it: install Debian's chromium: apt-get install chromium`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** Any http(s) URL whose host is not this machine's loopback. */
const NON_LOOPBACK_URL = /^https?:\/\/(?!(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?(?:[/?#]|$))/i;

/**
 * Fails every request that would leave this machine, at once, instead of letting it wait on
 * DNS or a connect timeout. The Agents Playground's web client asks a Microsoft CDN for its
 * Segoe UI fonts; offline that costs nothing but time, and with this it costs no time.
 */
export async function blockExternalRequests(target: Page | BrowserContext): Promise<void> {
  await target.route(NON_LOOPBACK_URL, (route) => route.abort('internetdisconnected'));
}

import { ApiFailure } from '../api/api-client.js';
import type { TabTranslator } from './i18n-context.js';

/** Failures the tab itself words (no answer, an answer it cannot read) in the user's language; the service's own stay as sent. */
function ownDetail({ t }: Pick<TabTranslator, 't'>, error: unknown): string | undefined {
  if (!(error instanceof ApiFailure)) return undefined;
  if (error.code === 'network') return t('failure.network');
  if (error.code === 'bad_response') return t('failure.badResponse');
  return undefined;
}

/**
 * "Couldn’t load your learning (HTTP 503): …" in the tab's language. The headline is a whole
 * sentence from the catalog, not a fragment spliced into one, so each language can word it freely;
 * the service's own message follows as it sent it.
 */
export function failureMessage({ t }: Pick<TabTranslator, 't'>, headline: string, error: unknown): string {
  const detail = ownDetail({ t }, error) ?? (error instanceof Error ? error.message : String(error));
  if (error instanceof ApiFailure && error.status > 0) return t('failure.withStatus', { headline, status: String(error.status), detail });
  return t('failure.plain', { headline, detail });
}

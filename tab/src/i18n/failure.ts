import { ApiFailure } from '../api/api-client.js';
import type { TabTranslator } from './i18n-context.js';

/**
 * "Couldn’t load your learning (HTTP 503): …" in the tab's language. The headline is a whole
 * sentence from the catalog, not a fragment spliced into one, so each language can word it freely;
 * the service's own message follows as it sent it.
 */
export function failureMessage({ t }: Pick<TabTranslator, 't'>, headline: string, error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiFailure && error.status > 0) return t('failure.withStatus', { headline, status: String(error.status), detail });
  return t('failure.plain', { headline, detail });
}

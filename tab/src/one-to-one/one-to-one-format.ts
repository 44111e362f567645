import { ONE_TO_ONE_TOPIC_MAX, type OneToOneItem } from './one-to-one-types.js';
import type { TabTranslator } from '../i18n/i18n-context.js';

/** An item as the list says it: a topic as typed, anything else named for what it is. */
export function itemText(item: Pick<OneToOneItem, 'kind' | 'text'>, { t }: Pick<TabTranslator, 't'>): string {
  switch (item.kind) {
    case 'entry':
      return t('oneToOne.kind.entry', { text: item.text });
    case 'goal':
      return t('oneToOne.kind.goal', { text: item.text });
    case 'result':
      return t('oneToOne.kind.result', { text: item.text });
    default:
      return item.text;
  }
}

/** The topic as typed, or what is wrong with it before it is sent (the service checks again). */
export function checkTopic(typed: string, { t }: Pick<TabTranslator, 't'>): { ok: true; topic: string } | { ok: false; error: string } {
  const topic = typed.trim();
  if (topic === '') return { ok: false, error: t('oneToOne.topicMissing') };
  if (topic.length > ONE_TO_ONE_TOPIC_MAX) return { ok: false, error: t('oneToOne.topicTooLong', { max: ONE_TO_ONE_TOPIC_MAX }) };
  return { ok: true, topic };
}

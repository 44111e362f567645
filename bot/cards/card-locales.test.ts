import { describe, expect, it } from 'vitest';
import { botTranslator } from '../i18n/bot-messages.js';
import { en } from '../i18n/messages/en.js';
import { es } from '../i18n/messages/es.js';
import { placeholdersOf } from '../contract/i18n/translate.js';
import { cardGallery } from '../testing/card-gallery.js';
import { expectValidTeamsCard } from '../testing/card-validation.js';

/** Every string a card carries, visible or not: text, labels, placeholders, choices, buttons, error messages. */
function stringsOf(card: unknown): string[] {
  if (typeof card === 'string') return [card];
  if (Array.isArray(card)) return card.flatMap(stringsOf);
  if (card && typeof card === 'object')
    return Object.entries(card).flatMap(([key, value]) =>
      ['id', 'verb', 'data', 'url', '$schema', 'value'].includes(key) ? [] : stringsOf(value),
    );
  return [];
}

/**
 * English UI text a Spanish card must not show: every whole English message without placeholders
 * that Spanish says differently, and the fixed parts of those with placeholders.
 */
const englishOnly = Object.entries(en as Record<string, string>)
  .filter(([key, message]) => (es as Record<string, string>)[key] !== message)
  .flatMap(([, message]) => (placeholdersOf(message).length === 0 ? [message] : message.split(/\{\w+\}/)))
  .map((part) => part.trim())
  // Short fragments ("of", ": ") and words Spanish uses too ("check-ins") prove nothing.
  .filter(
    (part) =>
      part.length >= 8 && !/^[\W\d]+$/.test(part) && !Object.values(es as Record<string, string>).some((spanish) => spanish.includes(part)),
  );

describe.each(['en-US', 'es-ES', 'ar-SA'])('every card in %s', (tag) => {
  const t = botTranslator(tag);
  const gallery = cardGallery(t);

  it.each(gallery)('%s is a valid Teams card', (_name, card) => {
    expectValidTeamsCard(card);
  });

  it('runs right to left exactly when the language does', () => {
    for (const [name, card] of gallery) expect(card.rtl === true, name).toBe(t.locale === 'ar');
  });
});

describe('cards in Spanish', () => {
  const gallery = cardGallery(botTranslator('es-ES'));

  it('show no English UI text (the scan would see some in English cards)', () => {
    const leaks = gallery.flatMap(([name, card]) => {
      const text = stringsOf(card).join('\n');
      return englishOnly.filter((english) => text.includes(english)).map((english) => `${name}: ${english}`);
    });
    expect(leaks).toEqual([]);
    const inEnglish = cardGallery(botTranslator('en'))
      .flatMap(([, card]) => stringsOf(card))
      .join('\n');
    expect(englishOnly.filter((english) => inEnglish.includes(english)).length).toBeGreaterThan(100);
  });

  it('say problems on the card in Spanish, from the same checks the API makes', () => {
    const text = stringsOf(gallery.find(([name]) => name === 'check-in with every problem')![1]).join('\n');
    expect(text).toContain('Corrige estas 6 cosas antes de guardar:');
    expect(text).toContain('Cuéntanos qué has aprendido');
    expect(text).toContain('El enlace tiene que ser una dirección web');
    // Escaped for Markdown, as every echo of what someone typed is.
    expect(text).toContain('Minutos: tiene que ser un número \\(escribiste «abc»\\)');
    const goal = stringsOf(gallery.find(([name]) => name === 'goal form with problems')![1]).join('\n');
    expect(goal).toContain('La fecha objetivo ya ha pasado');
  });
});

describe('dates, numbers and durations on cards', () => {
  const text = (tag: string, name: string) =>
    expectValidTeamsCard(cardGallery(botTranslator(tag)).find(([n]) => n === name)![1]).renderedText;

  it('write a goal’s day the reader’s way', () => {
    expect(text('en-US', 'goal saved')).toContain('January 31, 2027');
    expect(text('en-GB', 'goal saved')).toContain('31 January 2027');
    expect(text('es-ES', 'goal saved')).toContain('31 de enero de 2027');
    expect(text('ar-SA', 'goal saved')).toMatch(/٣١ يناير ٢٠٢٧/);
    expect(text('es-ES', 'check-in with every problem')).toContain('UX — vencía el 1 de octubre de 2026');
  });

  it('write durations, counts and averages in the reader’s numbers', () => {
    expect(text('en-US', 'saved')).toContain('1 hr 30 min');
    expect(text('es-ES', 'digest')).toContain('9 entradas, 4 h');
    expect(text('ar-SA', 'digest')).toContain('٩ إدخالات');
    expect(text('es-ES', 'share')).toContain('valorado con 4,3 de 5 por 3 personas');
    expect(text('ar-SA', 'share')).toContain('قيّمه ٣ أشخاص بمتوسط ٤٫٣ من ٥');
  });

  it('say why someone needs a follow-up in the lead’s language, the goal as its learner wrote it', () => {
    expect(text('es-ES', 'digest')).toContain('Isaiah Langer: No respondió a los últimos 2 check-ins');
    expect(text('es-ES', 'digest')).toContain('Adele Vance: El objetivo «**SQL**» está vencido');
    expect(text('ar-SA', 'digest')).toContain('لم يُجب عن آخر مراجعتين');
  });

  it('name weekdays in the reader’s language', () => {
    expect(text('es-ES', 'team setup saved')).toContain('Un viernes sí y otro no a las 16:00');
    expect(text('ar-SA', 'team setup')).toContain('الجمعة');
  });
});

/**
 * The product's glossary, as the catalog tests read it: for each term, where English names it,
 * the one Spanish and the one Arabic word for it, and the words a translation must not use there.
 * docs/glossary.md is the same list for people, with the reasons. The bot's and the tab's catalog
 * tests both check their messages against it through `glossaryProblems`.
 */

export interface GlossaryWord {
  /** The word as the glossary gives it. */
  readonly word: string;
  /** Pieces of text a translation contains when it uses the word (any one is enough). */
  readonly forms: readonly string[];
  /** Words that must not stand for the term where English names it. */
  readonly forbidden?: readonly string[];
  /** Words that belong to this term alone: a message may use them only where English names the term. */
  readonly onlyHere?: readonly string[];
}

export interface GlossaryTerm {
  readonly term: string;
  /** Where an English message names the term (`{count}` reads as "#", other placeholders are removed first). */
  readonly english: RegExp;
  readonly es: GlossaryWord;
  readonly ar: GlossaryWord;
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    term: 'check-in',
    english: /\bcheck[- ]ins?\b/i,
    es: { word: 'check-in (los check-ins)', forms: ['check-in'], forbidden: ['pregunta de seguimiento'] },
    ar: { word: 'مراجعة (المراجعة الدورية)', forms: ['مراجع'], forbidden: ['تسجيل'] },
  },
  {
    term: 'learning share',
    // A share as a thing ("this share", "3 shares"), not the verb ("she shares") or a proportion ("the share of actions").
    english: /\blearning shares?\b|\b(?:this|your|own|its|their|others’|saved|helpful) shares?\b|#\s?shares?\b/i,
    es: { word: 'aprendizaje compartido (lo compartido)', forms: ['compartid'] },
    ar: { word: 'منشور تعلّم (منشورات)', forms: ['منشور'], forbidden: ['مشاركات', 'مشاركتك', 'مشاركته'] },
  },
  {
    term: 'lead',
    english: /\bleads?\b/i,
    es: { word: 'responsable (los responsables)', forms: ['responsable'], forbidden: ['gerente', 'jefe', 'manager', 'líder'] },
    ar: { word: 'قائد (قادة)', forms: ['قائد', 'قادة', 'قادت', 'قياد'], forbidden: ['مدير', 'المديرون', 'مديري'] },
  },
  {
    term: 'follow-up',
    english: /\bfollow[- ]?ups?\b/i,
    es: { word: 'seguimiento', forms: ['seguimiento'], onlyHere: ['seguimiento'] },
    ar: { word: 'متابعة', forms: ['متابع'], onlyHere: ['متابع'] },
  },
  {
    term: 'nudge',
    english: /\bnudge/i,
    es: { word: 'aviso (avisar)', forms: ['aviso', 'avisa'], forbidden: ['recordatorio', 'toque'], onlyHere: ['aviso'] },
    ar: { word: 'تنبيه', forms: ['تنبيه', 'نبه'], forbidden: ['تذكير'], onlyHere: ['تنبيه'] },
  },
  {
    term: 'reminder',
    english: /\bremind/i,
    es: { word: 'recordatorio (recordar)', forms: ['recordatorio', 'record', 'recuerd', 'recuérd'], onlyHere: ['recordatorio'] },
    ar: { word: 'تذكير', forms: ['تذكير', 'ذكر'], onlyHere: ['تذكير'] },
  },
  {
    term: 'coaching',
    english: /\bcoaching\b/i,
    es: { word: 'orientación', forms: ['orientaci'], forbidden: ['coaching'] },
    ar: { word: 'توجيه', forms: ['توجيه'], forbidden: ['إرشاد', 'كوتشينغ'] },
  },
  {
    term: 'goal',
    english: /\bgoals?\b/i,
    es: { word: 'objetivo', forms: ['objetivo'], forbidden: ['meta '] },
    ar: { word: 'هدف (أهداف)', forms: ['هدف', 'أهداف'] },
  },
  {
    term: 'streak',
    english: /\bstreak/i,
    es: { word: 'racha', forms: ['racha'] },
    ar: { word: 'سلسلة', forms: ['سلسل'] },
  },
  {
    term: 'insight',
    english: /\binsights?\b/i,
    es: { word: 'idea clave', forms: ['idea clave', 'ideas clave'], forbidden: ['perspectiva', 'conclusión'] },
    ar: { word: 'الفكرة الأساسية', forms: ['فكرة', 'فكرت', 'أفكار'], forbidden: ['رؤى', 'بصيرة', 'استنتاج', 'خلاصة'] },
  },
  {
    term: 'action',
    english: /\bactions?\b/i,
    es: { word: 'acción', forms: ['acción', 'acciones'], forbidden: ['medida'] },
    ar: { word: 'إجراء', forms: ['إجراء', 'إجرائ', 'إجراؤ'], forbidden: ['خطوة'] },
  },
  {
    term: 'result',
    english: /\bresults?\b/i,
    es: { word: 'resultado', forms: ['resultado'] },
    ar: { word: 'نتيجة', forms: ['نتيج', 'نتائج'] },
  },
  {
    term: 'visibility',
    english: /\bvisibility\b/i,
    es: { word: 'visibilidad', forms: ['visibilidad'] },
    ar: { word: 'الظهور', forms: ['ظهور'] },
  },
  {
    term: 'private (“Only me”)',
    english: /\bonly me\b|\bprivate\b/i,
    es: { word: 'Solo yo (privado)', forms: ['solo yo', 'privad'] },
    ar: { word: 'أنا فقط (خاص)', forms: ['أنا فقط', 'خاص'] },
  },
  {
    term: 'L&D admin',
    english: /\bL&D admins?\b/i,
    es: { word: 'administrador de formación', forms: ['administrador de formación', 'administradores de formación'] },
    ar: { word: 'مسؤول التعلّم والتطوير', forms: ['مسؤول التعلّم والتطوير', 'مسؤولي التعلّم والتطوير', 'مسؤولو التعلّم والتطوير'] },
  },
  {
    term: 'L&D settings',
    english: /\bL&D settings\b/i,
    es: { word: 'ajustes de formación', forms: ['ajustes de formación'] },
    ar: { word: 'إعدادات التعلّم والتطوير', forms: ['إعدادات التعلّم والتطوير'] },
  },
  {
    term: 'report',
    english: /\b(?:the|a|this|learning|your|its) reports?\b|\breport’s\b|^\s*reports?\b/i,
    es: { word: 'informe', forms: ['informe'], forbidden: ['reporte'] },
    ar: { word: 'تقرير', forms: ['تقرير', 'تقارير'] },
  },
  {
    term: 'dashboard',
    english: /\bdashboard/i,
    es: { word: 'panel', forms: ['panel'], forbidden: ['tablero', 'dashboard'] },
    ar: { word: 'لوحة المعلومات', forms: ['لوحة'] },
  },
  {
    term: 'resource',
    english: /\bresources?\b/i,
    es: { word: 'recurso', forms: ['recurso'], forbidden: ['fuente'] },
    ar: { word: 'مورد (موارد)', forms: ['مورد', 'موارد'], forbidden: ['مصدر', 'مصادر'] },
  },
  {
    term: 'share prompt',
    english: /\bshare prompts?\b/i,
    es: { word: 'invitación a compartir', forms: ['invitación a compartir', 'invitaciones a compartir'] },
    ar: { word: 'دعوة إلى المشاركة', forms: ['دعوة إلى المشاركة', 'دعوات إلى المشاركة'] },
  },
  {
    term: 'Ask to share',
    english: /\bask(?:ed|s)? (?:\w+ )?to share\b/i,
    es: { word: 'pedir que lo comparta', forms: ['pedi', 'pide', 'pidi'] },
    ar: { word: 'طلب المشاركة', forms: ['طلب', 'يطلب'] },
  },
  {
    term: 'weekly round-up',
    english: /\bround-?ups?\b/i,
    es: { word: 'resumen semanal', forms: ['resumen'], forbidden: ['recopilación'] },
    ar: { word: 'الملخص الأسبوعي', forms: ['ملخص'], forbidden: ['موجز'] },
  },
  {
    term: '1:1 list',
    english: /\b1:1\b|\bone-to-one\b/i,
    es: { word: 'lista para la reunión individual', forms: ['individual'] },
    ar: { word: 'قائمة الاجتماع الفردي', forms: ['فردي', 'فردية'] },
  },
  {
    term: 'follow-through',
    english: /\bfollow-through\b/i,
    es: { word: 'cumplimiento', forms: ['cumplimiento'], forbidden: ['seguimiento'] },
    ar: { word: 'إنجاز الإجراءات', forms: ['إنجاز'], forbidden: ['متابع'] },
  },
  {
    term: 'entry',
    english: /\bentr(?:y|ies)\b/i,
    es: { word: 'entrada', forms: ['entrada'] },
    ar: { word: 'إدخال', forms: ['إدخال'] },
  },
  {
    term: 'learning log',
    english: /\blearning log\b|\byour log\b/i,
    es: { word: 'registro de aprendizaje', forms: ['registro'] },
    ar: { word: 'سجلّ التعلّم', forms: ['سجلّ'] },
  },
  {
    term: 'My learning',
    english: /\bMy learning\b(?! entr)/,
    es: { word: 'Mi aprendizaje', forms: ['mi aprendizaje'] },
    ar: { word: 'تعلّمي', forms: ['تعلّمي'] },
  },
  {
    term: 'learning channel',
    english: /\blearning channel\b/i,
    es: { word: 'canal de aprendizaje', forms: ['canal de aprendizaje'] },
    ar: { word: 'قناة التعلّم', forms: ['قناة التعلّم', 'قناة تعلّم'] },
  },
];

/**
 * Text as the glossary compares it: lower case, without Arabic short vowels, shadda or tatweel and
 * with one alef and one ya (a catalog that writes "سجل" and one that writes "سجلّ" use the same word).
 */
export function glossaryForm(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/\s+/g, ' ');
}

const PLACEHOLDER = /\{\w+\}/g;

/**
 * Where a translated catalog strays from the glossary: a message whose English names a term but
 * whose translation uses none of the term's forms, or uses a word the term forbids, or uses a
 * word that belongs to another term English does not name. One line per problem, key first.
 * `english` gives the source of a key (a plural form's own key, else its `.other` form).
 */
export function glossaryProblems(
  english: (key: string) => string | undefined,
  translated: Record<string, string>,
  language: 'es' | 'ar',
  exceptions: Readonly<Record<string, readonly string[]>> = {},
): string[] {
  const problems: string[] = [];
  for (const [key, message] of Object.entries(translated)) {
    const source = english(key)
      ?.replace(/\{count\}/g, '#')
      .replace(PLACEHOLDER, '');
    if (source === undefined) continue;
    const text = glossaryForm(message.replace(PLACEHOLDER, ''));
    const has = (piece: string) => text.includes(glossaryForm(piece));
    for (const entry of GLOSSARY) {
      if (exceptions[key]?.includes(entry.term)) continue;
      const word = entry[language];
      const named = entry.english.test(source);
      if (named && !word.forms.some(has)) problems.push(`${key}: “${entry.term}” is not “${word.word}”`);
      if (named) for (const bad of word.forbidden ?? []) if (has(bad)) problems.push(`${key}: “${entry.term}” must not be “${bad}”`);
      if (!named) for (const own of word.onlyHere ?? []) if (has(own)) problems.push(`${key}: “${own}” is “${entry.term}” only`);
    }
  }
  return problems;
}

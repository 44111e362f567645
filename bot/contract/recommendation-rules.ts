import { z } from 'zod';
import { CHECK_IN_LIMITS, isHttpUrl } from './check-in-rules.js';

/** A lead's recommendation: its shape, its limits, and what the API accepts as one (the tab's form checks the same). */
export const RECOMMENDATION_LIMITS = { title: 200, note: 500 } as const;

/** A resource a lead recommends to one member, or to the whole team (learnerId null). */
export interface Recommendation {
  tenantId: string;
  teamId: string;
  recId: string;
  leadId: string;
  leadName: string;
  learnerId: string | null;
  title: string;
  link: string;
  note: string | null;
  at: string;
}

const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').trim();

const recommendationBody = z.strictObject({
  title: z
    .string('The title must be text')
    .transform(clean)
    .pipe(
      z
        .string()
        .min(1, 'Say what you recommend')
        .max(RECOMMENDATION_LIMITS.title, `The title is too long: at most ${RECOMMENDATION_LIMITS.title} characters`),
    ),
  link: z
    .string('The link must be text')
    .transform(clean)
    .pipe(
      z
        .string()
        .max(CHECK_IN_LIMITS.link, `The link is too long: at most ${CHECK_IN_LIMITS.link} characters`)
        .refine(isHttpUrl, 'The link must be a web address starting with http:// or https://'),
    ),
  note: z
    .string('The note must be text')
    .transform(clean)
    .pipe(z.string().max(RECOMMENDATION_LIMITS.note, `The note is too long: at most ${RECOMMENDATION_LIMITS.note} characters`))
    .nullable()
    .optional(),
  /** One member; left out, the whole team. */
  learnerId: z.string('The member must be a user id').min(1).max(200).optional(),
});

export type RecommendationInput = { title: string; link: string; note: string | null; learnerId: string | null };

export function validateRecommendation(
  body: unknown,
): { ok: true; input: RecommendationInput } | { ok: false; errors: Record<string, string> } {
  const parsed = recommendationBody.safeParse(body ?? {});
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : String(issue.path[0] ?? 'body');
      if (!errors[field]) errors[field] = issue.code === 'unrecognized_keys' ? 'is not a field of a recommendation' : issue.message;
    }
    return { ok: false, errors };
  }
  const { title, link, note, learnerId } = parsed.data;
  return { ok: true, input: { title, link, note: note ? note : null, learnerId: learnerId ?? null } };
}

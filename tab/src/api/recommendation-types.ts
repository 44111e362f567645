import type { Recommendation } from '../../../bot/contract/recommendation-rules.js';

/**
 * What the recommendations API answers with. The service declares these beside its Node-only code,
 * which the tab's compiler cannot read, so they are built here from the same domain record.
 */
export type RecommendationView = Omit<Recommendation, 'tenantId'>;

/** GET /api/v1/me/recommendations: `{ recommendations }`, newest first; PUT …/:teamId/:recId `{ done }` answers `{ recommendation }`. */
export type MyRecommendation = RecommendationView & { done: boolean; doneAt: string | null };
export interface MyRecommendationsResponse {
  recommendations: MyRecommendation[];
}

/** GET /api/v1/teams/:teamId/recommendations (leads only): how many each was for and how many did it. */
export type TeamRecommendation = RecommendationView & { doneBy: number; for: number };
export interface TeamRecommendationsResponse {
  recommendations: TeamRecommendation[];
}

/**
 * POST /api/v1/teams/:teamId/recommendations takes this and answers 201 `{ recommendation }`;
 * 400 `invalid_recommendation` names each field at fault in the problem's `errors`. No learnerId: the whole team.
 */
export interface RecommendationInput {
  title: string;
  link: string;
  note?: string;
  learnerId?: string;
}

/** The service's limits, repeated (and checked against its own in a test) so the tab does not ship its validator for three numbers. */
export const RECOMMENDATION_LIMITS = { title: 200, note: 500, link: 2048 } as const;

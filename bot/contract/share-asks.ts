/** A lead's "Ask to share" requests in one team and how the members answered them. */
export interface ShareAskFigures {
  asked: number;
  shared: number;
  notNow: number;
}

export type ShareAskAnswer = 'shared' | 'notNow';

/** One request: about which member's entry, when, and the answer once there is one. */
export interface ShareAskView {
  userId: string;
  entryId: string;
  askedAt: string;
  answer: ShareAskAnswer | null;
}

/** GET /api/v1/teams/:teamId/share-asks: the caller's own requests in the team (leads only). */
export interface ShareAsksResponse {
  figures: ShareAskFigures;
  asks: ShareAskView[];
}

/** POST /api/v1/teams/:teamId/members/:userId/entries/:entryId/ask-to-share: whether the card reached the member, and the lead's figures after it. */
export interface AskToShareResponse {
  delivered: boolean;
  figures: ShareAskFigures;
}

export function shareAskFiguresOf(asks: readonly Pick<ShareAskView, 'answer'>[]): ShareAskFigures {
  return {
    asked: asks.length,
    shared: asks.filter((a) => a.answer === 'shared').length,
    notNow: asks.filter((a) => a.answer === 'notNow').length,
  };
}

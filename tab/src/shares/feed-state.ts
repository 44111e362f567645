import type { SharesResponse, ShareView } from '../api/share-types.js';

/**
 * The feed as shown. A vote's answer is the newest word on its share, so it is patched in place;
 * a list asked for before that answer landed is older for that share and must not undo it.
 */
export interface FeedState {
  phase: 'loading' | 'ready' | 'error';
  /** The last list, with later votes applied; kept on screen (marked busy) while another order loads. */
  shown: SharesResponse | undefined;
  message: string | undefined;
  /** Votes answered since the list being loaded was asked for, with the tick each landed at. */
  voted: Record<string, { share: ShareView; at: number }>;
  /** A further page is on its way (the list stays as it is meanwhile). */
  loadingMore?: boolean;
  /** Why the last "Load more" failed; the list shown stays. */
  moreMessage?: string | undefined;
}

export type FeedAction =
  | { type: 'loading' }
  | { type: 'loaded'; response: SharesResponse; askedAt: number }
  | { type: 'failed'; message: string }
  | { type: 'voted'; share: ShareView; at: number }
  | { type: 'moreStarted' }
  | { type: 'morePage'; response: SharesResponse }
  | { type: 'moreFailed'; message: string };

export const initialFeed: FeedState = { phase: 'loading', shown: undefined, message: undefined, voted: {} };

export function feedReducer(state: FeedState, action: FeedAction): FeedState {
  switch (action.type) {
    case 'loading':
      return { ...state, phase: 'loading', message: undefined, voted: {} };
    case 'loaded': {
      const { response, askedAt } = action;
      const newer = (share: ShareView) => {
        const vote = state.voted[share.shareId];
        return vote && vote.at > askedAt ? vote.share : share;
      };
      return { phase: 'ready', shown: { ...response, shares: response.shares.map(newer) }, message: undefined, voted: {} };
    }
    case 'failed':
      // Another order's list under this order's name would mislead: show the failure alone.
      return { phase: 'error', shown: undefined, message: action.message, voted: {} };
    case 'voted': {
      const { share, at } = action;
      const shown = state.shown && {
        ...state.shown,
        shares: state.shown.shares.map((s) => (s.shareId === share.shareId ? share : s)),
      };
      const voted = state.phase === 'loading' ? { ...state.voted, [share.shareId]: { share, at } } : state.voted;
      return { ...state, shown, voted };
    }
    case 'moreStarted':
      return { ...state, loadingMore: true, moreMessage: undefined };
    case 'morePage': {
      if (!state.shown) return { ...state, loadingMore: false };
      // A share counted since the first page may come round again under "most helpful": shown once, where it first was.
      const seen = new Set(state.shown.shares.map((s) => s.shareId));
      const added = action.response.shares.filter((s) => !seen.has(s.shareId));
      return {
        ...state,
        loadingMore: false,
        shown: { ...state.shown, shares: [...state.shown.shares, ...added], nextCursor: action.response.nextCursor },
      };
    }
    case 'moreFailed':
      return { ...state, loadingMore: false, moreMessage: action.message };
  }
}

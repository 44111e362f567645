import { useRef, useState } from 'react';
import type { MyShareVoteUpdate, ShareView } from '../api/share-types.js';
import { voteDone, voteFailed } from './share-format.js';
import { failureMessage } from '../i18n/failure.js';
import { useT } from '../i18n/i18n-context.js';

export interface ShareVote {
  /** A vote is out: the card's buttons wait for it. */
  busy: boolean;
  /** The rating to show: the one asked for while it is on its way, else the one the service holds. */
  rating: number | null;
  /** What failed, said in words, and the vote to send again on Retry. */
  problem: { message: string; update: MyShareVoteUpdate } | undefined;
  send(update: MyShareVoteUpdate): void;
  /** Arrow keys move a rating one star at a time: the last one asked for while a vote is out follows it. */
  rate(rating: number): void;
}

/** One card's votes: one at a time, the answer shown and announced, a failure kept beside the card. */
export function useShareVote(
  share: ShareView,
  vote: (update: MyShareVoteUpdate) => Promise<ShareView>,
  announce: (message: string) => void,
  locale: string,
): ShareVote {
  const [busy, setBusy] = useState(false);
  const i18n = useT();
  const [wantedRating, setWantedRating] = useState<number | undefined>(undefined);
  const [problem, setProblem] = useState<ShareVote['problem']>(undefined);
  const out = useRef(false);
  const queuedRating = useRef<number | undefined>(undefined);

  const send = (update: MyShareVoteUpdate) => {
    out.current = true;
    setBusy(true);
    setProblem(undefined);
    vote(update).then(
      (updated) => {
        announce(voteDone(update, updated, locale, i18n));
        const next = queuedRating.current;
        queuedRating.current = undefined;
        if (next !== undefined && next !== updated.mine.rating) return send({ rating: next });
        out.current = false;
        setBusy(false);
        setWantedRating(undefined);
      },
      (error: unknown) => {
        // The card keeps what the service last said; nothing asked for since is sent.
        out.current = false;
        queuedRating.current = undefined;
        setBusy(false);
        setWantedRating(undefined);
        setProblem({ message: failureMessage(i18n, voteFailed(update, share.what, i18n), error), update });
      },
    );
  };

  const rate = (rating: number) => {
    setWantedRating(rating);
    if (out.current) queuedRating.current = rating;
    else send({ rating });
  };

  return { busy, rating: wantedRating ?? share.mine.rating, problem, send: (update) => out.current || send(update), rate };
}

import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { shareAskFiguresOf, type AskToShareResponse, type ShareAskView, type ShareAsksResponse } from '../../../bot/contract/share-asks.js';
import { ApiFailure, type ApiClient } from '../api/api-client.js';
import { Problem } from '../components/Problem.js';
import { failureMessage } from '../i18n/failure.js';
import { useT } from '../i18n/i18n-context.js';
import type { MemberRef } from '../routes.js';

const useStyles = makeStyles({
  text: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** The lead's "Ask to share" requests in the team; the service answers 403 to anyone else. */
export function shareAsksPath(teamId: string): string {
  return `/api/v1/teams/${encodeURIComponent(teamId)}/share-asks`;
}

/** POST: a card in the member's personal chat asking them to share one entry; 202 `{ delivered, figures }`. */
export function askToSharePath({ teamId, userId }: MemberRef, entryId: string): string {
  return `/api/v1/teams/${encodeURIComponent(teamId)}/members/${encodeURIComponent(userId)}/entries/${encodeURIComponent(entryId)}/ask-to-share`;
}

export interface ShareAsks {
  /** The lead's requests to this member, once loaded (undefined while loading or when they could not be). */
  asks: ShareAskView[] | undefined;
  /** What the last request said, for the live region. */
  announcement: string;
  ask(entryId: string, name: string): Promise<{ ok: true } | { ok: false; problem: string }>;
}

/** The lead's requests to one member: loaded with the page, kept current as the lead asks. */
export function useShareAsks(client: ApiClient, member: MemberRef): ShareAsks {
  const { teamId, userId } = member;
  const i18n = useT();
  const { t } = i18n;
  const [all, setAll] = useState<ShareAskView[] | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const controller = new AbortController();
    // Only the figures depend on it: the page works without them, so a failure just leaves them out.
    client.get<ShareAsksResponse>(shareAsksPath(teamId), { signal: controller.signal }).then(
      (body) => controller.signal.aborted || setAll(body.asks),
      () => undefined,
    );
    return () => controller.abort();
  }, [client, teamId]);

  const ask = useCallback(
    async (entryId: string, name: string): Promise<{ ok: true } | { ok: false; problem: string }> => {
      const noteAsked = () =>
        setAll((before) =>
          before?.some((a) => a.userId === userId && a.entryId === entryId)
            ? before
            : [...(before ?? []), { userId, entryId, askedAt: new Date().toISOString(), answer: null }],
        );
      try {
        const { delivered } = await client.send<AskToShareResponse>('POST', askToSharePath(member, entryId), {});
        const said = t(delivered ? 'askToShare.asked' : 'askToShare.notDelivered', { name });
        setAnnouncement(said);
        if (!delivered) return { ok: false, problem: said };
        noteAsked();
        return { ok: true };
      } catch (error) {
        // Asked before (on another device, or before a reload): it stands as asked.
        if (error instanceof ApiFailure && error.status === 409) {
          noteAsked();
          return { ok: true };
        }
        const problem = failureMessage(i18n, t('askToShare.failed', { name }), error);
        setAnnouncement(problem);
        return { ok: false, problem };
      }
    },
    [client, member, userId, i18n, t],
  );

  const asks = useMemo(() => all?.filter((a) => a.userId === userId), [all, userId]);
  return { asks, announcement, ask };
}

/** "Asked to share N · Shared M · Not now K" for this member, and the live region saying what the last request did. */
export function ShareAskSummary({ shareAsks }: { shareAsks: ShareAsks }) {
  const styles = useStyles();
  const { t } = useT();
  const figures = shareAsks.asks && shareAsks.asks.length > 0 ? shareAskFiguresOf(shareAsks.asks) : undefined;
  return (
    <>
      {figures && (
        <Text as="p" className={styles.muted} data-testid="share-ask-summary">
          {t('askToShare.summary', { asked: String(figures.asked), shared: String(figures.shared), notNow: String(figures.notNow) })}
        </Text>
      )}
      {/* A live region of its own, not a second role="status" beside the list's. */}
      <p aria-live="polite" className={styles.text} data-testid="share-ask-status">
        {shareAsks.announcement}
      </p>
    </>
  );
}

/** One press sends the member a card asking them to share this entry with the team; once asked, it says so. */
export function AskToShareButton({ shareAsks, entryId, name }: { shareAsks: ShareAsks; entryId: string; name: string }) {
  const { t } = useT();
  const [state, setState] = useState<{ phase: 'idle' | 'asking' } | { phase: 'failed'; problem: string }>({ phase: 'idle' });
  const asked = shareAsks.asks?.find((a) => a.entryId === entryId);
  const press = async () => {
    setState({ phase: 'asking' });
    const result = await shareAsks.ask(entryId, name);
    setState(result.ok ? { phase: 'idle' } : { phase: 'failed', problem: result.problem });
  };
  return (
    <>
      <Button onClick={press} disabled={state.phase === 'asking' || Boolean(asked)} data-testid="ask-to-share">
        {asked ? t(asked.answer === 'shared' ? 'askToShare.sharedButton' : 'askToShare.askedButton') : t('askToShare.button')}
      </Button>
      {state.phase === 'failed' && <Problem message={state.problem} onRetry={press} intent="error" />}
    </>
  );
}

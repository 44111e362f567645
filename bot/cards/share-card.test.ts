import { describe, expect, it } from 'vitest';
import { CHECK_IN_LIMITS } from '../contract/check-in-rules.js';
import type { Share } from '../domain/share.js';
import { expectValidTeamsCard } from '../testing/card-validation.js';
import { SHARE_CARD_MAX_BYTES, SHARE_HELPFUL_VERB, SHARE_RATE_VERB, SHARE_SAVE_VERB, shareCard } from './share-card.js';
import { botTranslator } from '../i18n/bot-messages.js';

const en = botTranslator('en');

const share = (over: Partial<Share> = {}): Share => ({
  tenantId: 't1',
  teamId: '19:team@thread.tacv2',
  shareId: 'entry-0001',
  sharerId: 'u1',
  sharerName: 'Megan Bowen',
  what: 'Writing good pull request descriptions',
  sourceType: 'article',
  link: 'https://example.com/pr-guide',
  resourceKey: 'abc',
  insight: 'Say why, not what',
  action: 'Rewrite my PR template',
  sharerRating: 4,
  createdAt: '2026-11-27T16:05:00.000Z',
  withdrawnAt: null,
  channelId: '19:shares@thread.tacv2',
  activityId: null,
  tally: { helpful: 3, saves: 2, ratingSum: 13, ratingCount: 3 },
  ...over,
});

describe('shareCard', () => {
  it('attributes the share and shows the resource, its kind, the rating, the insight and the live counts', () => {
    const check = expectValidTeamsCard(shareCard({ share: share() }, en));
    expect(check.renderedText).toContain('Megan Bowen shared a learning');
    expect(check.renderedText).toContain('Writing good pull request descriptions');
    expect(check.renderedText).toContain('Article');
    expect(check.renderedText).toMatch(/Their rating\s*4 of 5/);
    expect(check.renderedText).toContain('Say why, not what');
    expect(check.renderedText).toContain('3 found this helpful · 2 saved · rated 4.3 of 5 by 3 people');
  });

  it('offers Helpful, Rate and Save for this share, and opens the link only through a button', () => {
    const card = shareCard({ share: share() }, en);
    const data = { teamId: '19:team@thread.tacv2', shareId: 'entry-0001' };
    expect(card.actions).toEqual([
      expect.objectContaining({ verb: SHARE_HELPFUL_VERB, data }),
      expect.objectContaining({ verb: SHARE_RATE_VERB, data, associatedInputs: 'auto' }),
      expect.objectContaining({ verb: SHARE_SAVE_VERB, data }),
      expect.objectContaining({ type: 'Action.OpenUrl', url: 'https://example.com/pr-guide' }),
    ]);
    expect(card.refresh?.action.data).toEqual(data);
  });

  it('shows a person their own marks when the card is refreshed for them', () => {
    const check = expectValidTeamsCard(shareCard({ share: share(), mine: { helpful: true, saved: false, rating: 5 } }, en));
    expect(check.renderedText).toContain('For you: you found it helpful, you rated it 5 of 5.');
    expect(check.inputValues.rating).toBe('5');
  });

  it('cannot be made to show links, mentions or formatting from what people typed', () => {
    const hostile = share({
      sharerName: '[Admin](https://evil.example) <at>Everyone</at>',
      what: '**Click** [here](https://evil.example) <script>x</script>',
      insight: '# heading\n- list [x](javascript:alert(1))',
      link: 'javascript:alert(1)',
    });
    const card = shareCard({ share: hostile }, en);
    const check = expectValidTeamsCard(card);
    expect(check.renderedHtml).not.toMatch(/<a |<strong|<h1|<li|<script/);
    expect(check.renderedText).toContain('**Click** [here](https://evil.example)');
    expect(card.actions?.some((a) => a.type === 'Action.OpenUrl')).toBe(false);
  });

  it('stays under 28 KB with every field at its longest', () => {
    const long = (n: number) => 'é🙂<>&"'.repeat(Math.ceil(n / 7)).slice(0, n);
    const card = shareCard(
      {
        share: share({
          sharerName: long(256),
          what: long(CHECK_IN_LIMITS.what),
          insight: long(CHECK_IN_LIMITS.insight),
          action: long(CHECK_IN_LIMITS.action),
          link: `https://example.com/${'a'.repeat(CHECK_IN_LIMITS.link - 20)}`,
        }),
        mine: { helpful: true, saved: true, rating: 3 },
        notice: long(200),
      },
      en,
    );
    const bytes = Buffer.byteLength(JSON.stringify(card));
    expect(bytes).toBeLessThan(SHARE_CARD_MAX_BYTES);
    expect(expectValidTeamsCard(card).bytes).toBe(bytes);
  });

  it('says the share was withdrawn and keeps nothing of it but the sharer’s name', () => {
    const card = shareCard({ share: share({ withdrawnAt: '2026-11-28T10:00:00.000Z' }) }, en);
    const check = expectValidTeamsCard(card);
    expect(check.renderedText).toContain('Megan Bowen withdrew this share.');
    expect(check.renderedText).not.toContain('pull request');
    expect(card.actions ?? []).toEqual([]);
  });
});

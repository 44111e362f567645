import { describe, expect, it } from 'vitest';
import { validateRecommendation } from '../../../bot/contract/recommendation-rules.js';
import { ApiFailure } from '../api/api-client.js';
import { EMPTY_RECOMMENDATION_FORM, checkRecommendationForm, recommendationFieldErrorsFrom } from './recommendation-form.js';

const form = (over: Partial<typeof EMPTY_RECOMMENDATION_FORM>) => ({ ...EMPTY_RECOMMENDATION_FORM, ...over });

describe('the recommendation form', () => {
  it('sends what was typed, trimmed, leaving out an empty note and the whole team’s empty member', () => {
    expect(checkRecommendationForm(form({ title: ' Inspired ', link: ' https://www.svpg.com/inspired/ ', note: '  ' }))).toEqual({
      ok: true,
      input: { title: 'Inspired', link: 'https://www.svpg.com/inspired/' },
    });
    expect(
      checkRecommendationForm(form({ title: 'SBI', link: 'https://www.ccl.org/sbi', note: 'Before our 1:1', learnerId: 'm1' })),
    ).toEqual({
      ok: true,
      input: { title: 'SBI', link: 'https://www.ccl.org/sbi', note: 'Before our 1:1', learnerId: 'm1' },
    });
  });

  it('catches what the service would refuse, in its words where it has them', () => {
    const bad = [
      form({ title: '', link: 'javascript:alert(1)' }),
      form({ title: 'x'.repeat(201), link: 'https://x.example', note: 'y'.repeat(501) }),
      form({ title: 'Ok', link: `https://x.example/${'a'.repeat(2048)}` }),
    ];
    for (const values of bad) {
      const check = checkRecommendationForm(values);
      const service = validateRecommendation({ title: values.title, link: values.link, note: values.note });
      expect(check.ok).toBe(false);
      expect(service.ok).toBe(false);
      if (check.ok || service.ok) continue;
      expect(Object.keys(check.errors).sort()).toEqual(Object.keys(service.errors).sort());
      for (const [field, message] of Object.entries(check.errors)) expect(message).toBe(service.errors[field]);
    }
    expect(checkRecommendationForm(form({ title: 'Ok', link: '' }))).toEqual({ ok: false, errors: { link: 'Give a link to it' } });
  });

  it('takes the fields a refusal names, for the fields the form shows, each as a sentence', () => {
    const refused = (errors: { field: string; message: string }[]) =>
      new ApiFailure(400, 'Invalid recommendation', 'invalid_recommendation', errors);
    const named = refused([
      { field: 'title', message: 'Say what you recommend' },
      { field: 'link', message: 'Bad link' },
      { field: 'other', message: 'x' },
    ]);
    expect(recommendationFieldErrorsFrom(named)).toEqual({ title: 'Say what you recommend', link: 'Bad link' });
    expect(recommendationFieldErrorsFrom(refused([{ field: 'note', message: 'too long' }]))).toEqual({ note: 'Too long' });
    expect(recommendationFieldErrorsFrom(new ApiFailure(503, 'Storage is down'))).toEqual({});
  });
});

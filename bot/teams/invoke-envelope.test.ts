import { describe, expect, it } from 'vitest';
import { malformedInvoke } from './invoke-envelope.js';

describe('invoke envelopes', () => {
  it('accepts the shapes Teams sends', () => {
    expect(malformedInvoke({ name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'x' } } })).toBeUndefined();
    expect(malformedInvoke({ name: 'task/submit', value: { data: {} } })).toBeUndefined();
    expect(malformedInvoke({ name: 'composeExtension/fetchTask', value: { commandId: 'shareLearning' } })).toBeUndefined();
    expect(malformedInvoke({ name: 'signin/verifyState', value: null })).toBeUndefined();
  });

  it('names what is missing from a malformed one', () => {
    expect(malformedInvoke({ name: 'adaptiveCard/action', value: {} })).toMatch(/needs a value with an action/);
    expect(malformedInvoke({ name: 'adaptiveCard/action', value: 'x' })).toMatch(/needs a value with an action/);
    for (const name of ['task/fetch', 'task/submit', 'composeExtension/fetchTask', 'composeExtension/submitAction']) {
      expect(malformedInvoke({ name, value: null })).toMatch(/needs a value object/);
    }
  });
});

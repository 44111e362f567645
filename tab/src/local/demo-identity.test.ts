import { describe, expect, it } from 'vitest';
import type { DemoIdentity } from '../api/types.js';
import { DEMO_USER_KEY, identityLabel, pickIdentity, readStoredUser, rememberUser, urlWithUser } from './demo-identity.js';

const ada: DemoIdentity = { tenantId: 't', userId: 'ada', displayName: 'Ada Lovelace', role: 'lead' };
const bob: DemoIdentity = { tenantId: 't', userId: 'bob', displayName: 'Bob Builder' };
const people = [ada, bob];

describe('pickIdentity', () => {
  it('uses the person named in the URL over the remembered one', () => {
    expect(pickIdentity(people, { queryUser: 'bob', storedUser: 'ada' })).toBe(bob);
  });

  it('falls back to the remembered person, then the first, when the URL names nobody known', () => {
    expect(pickIdentity(people, { queryUser: 'zed', storedUser: 'bob' })).toBe(bob);
    expect(pickIdentity(people, { queryUser: null, storedUser: 'gone' })).toBe(ada);
    expect(pickIdentity([], { queryUser: 'bob', storedUser: null })).toBeUndefined();
  });
});

describe('remembering the demo person', () => {
  it('remembers a choice across visits', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    rememberUser(storage, 'bob');
    expect(store.get(DEMO_USER_KEY)).toBe('bob');
    expect(readStoredUser(storage)).toBe('bob');
  });

  it('keeps working when the browser blocks storage', () => {
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(readStoredUser(blocked)).toBeNull();
    expect(() => rememberUser(blocked, 'bob')).not.toThrow();
  });

  it('puts the person in the URL and keeps the other query parameters', () => {
    expect(urlWithUser('http://localhost:3978/personal?theme=dark&user=ada#top', 'bob')).toBe('/personal?theme=dark&user=bob#top');
  });

  it('shows the role beside the name when there is one', () => {
    expect(identityLabel(ada)).toBe('Ada Lovelace (lead)');
    expect(identityLabel(bob)).toBe('Bob Builder');
  });
});

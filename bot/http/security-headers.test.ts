import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './security-headers.js';

const directives = new Map(
  CONTENT_SECURITY_POLICY.split('; ').map((d) => {
    const [name = '', ...values] = d.split(' ');
    return [name, values] as const;
  }),
);

describe('the Content-Security-Policy', () => {
  it('lets scripts come only from the service itself, and no plugin or base element redirect them', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });

  it('allows no wildcard source anywhere but the Microsoft hosts that may frame the tab', () => {
    for (const [name, values] of directives) {
      for (const value of values) {
        expect(value === '*' || value === 'https:' || value === "'unsafe-eval'", `${name} ${value}`).toBe(false);
        if (value.includes('*')) expect(name).toBe('frame-ancestors');
      }
    }
  });
});

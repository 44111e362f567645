import { describe, expect, it } from 'vitest';
import { isLocalHostName, isPrivateAddress } from './private-address.js';

describe('addresses an LRS endpoint may not lead to', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['192.168.1.10', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['[::1]', true],
    ['fd12:3456::1', true],
    ['fe80::1', true],
    ['::ffff:10.0.0.1', true],
    ['::ffff:127.0.0.1', true],
    ['172.32.0.1', false],
    ['8.8.8.8', false],
    ['20.42.0.1', false],
    ['2001:4860:4860::8888', false],
    ['::ffff:8.8.8.8', false],
    ['lrs.example.com', false],
  ] as const)('%s → %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  it('knows the names that mean this machine', () => {
    expect([
      isLocalHostName('localhost'),
      isLocalHostName('LOCALHOST.'),
      isLocalHostName('lrs.localhost'),
      isLocalHostName('localhost.example.com'),
    ]).toEqual([true, true, true, false]);
  });
});

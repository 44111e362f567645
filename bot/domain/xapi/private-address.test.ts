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
    ['192.0.0.8', true],
    ['192.0.2.1', true],
    ['198.51.100.7', true],
    ['203.0.113.9', true],
    ['198.18.0.1', true],
    ['255.255.255.255', true],
    ['64:ff9b::a00:1', true],
    ['64:ff9b::808:808', true],
    ['2002:a00:1::1', true],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', true],
    ['::127.0.0.1', true],
    ['::10.0.0.1', true],
    ['::', true],
    ['ff02::1', true],
    ['2001:db8::1', true],
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

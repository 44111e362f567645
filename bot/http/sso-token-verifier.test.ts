import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { ssoTokenVerifier, type CallerVerifier } from './sso-token-verifier.js';

const clientId = '11111111-2222-4333-8444-555555555555';
const tid = '7d2e5c1a-0b4f-4e8a-9c3d-6f1e2a3b4c5d';
const oid = 'a1000000-0000-4000-8000-000000000001';

describe('ssoTokenVerifier', () => {
  let verify: CallerVerifier;
  let sign: (claims: Record<string, unknown>, opts?: { key?: CryptoKey; exp?: string }) => Promise<string>;
  let jwk: Awaited<ReturnType<typeof exportJWK>>;

  beforeAll(async () => {
    const trusted = await generateKeyPair('RS256');
    jwk = { ...(await exportJWK(trusted.publicKey)), kid: 'k1', alg: 'RS256' };
    verify = ssoTokenVerifier({ clientId, keys: createLocalJWKSet({ keys: [jwk] }) });
    sign = (claims, opts = {}) =>
      new SignJWT({ tid, oid, scp: 'access_as_user', name: 'Alex Wilber', ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(typeof claims.iss === 'string' ? claims.iss : `https://login.microsoftonline.com/${tid}/v2.0`)
        .setAudience(typeof claims.aud === 'string' ? claims.aud : clientId)
        .setIssuedAt()
        .setExpirationTime(opts.exp ?? '1h')
        .sign(opts.key ?? trusted.privateKey);
  });

  it('accepts a valid token and takes tenant and user from it', async () => {
    await expect(verify(await sign({}))).resolves.toEqual({ tenantId: tid, userId: oid, displayName: 'Alex Wilber' });
  });

  it('rejects a token signed by someone else', async () => {
    const stranger = await generateKeyPair('RS256');
    await expect(verify(await sign({}, { key: stranger.privateKey }))).rejects.toMatchObject({ status: 401 });
  });

  it('rejects another app’s audience, an expired token, and a foreign issuer', async () => {
    await expect(verify(await sign({ aud: 'someone-else' }))).rejects.toMatchObject({ status: 401 });
    await expect(verify(await sign({}, { exp: '-10m' }))).rejects.toMatchObject({ status: 401, code: 'token_expired' });
    await expect(verify(await sign({ iss: 'https://login.microsoftonline.com/other-tenant/v2.0' }))).rejects.toMatchObject({
      status: 401,
    });
  });

  it('rejects a token without the access_as_user scope', async () => {
    await expect(verify(await sign({ scp: 'User.Read' }))).rejects.toMatchObject({ status: 403 });
  });

  it('accepts only the tenants the deployment names, when it names any', async () => {
    const keys = createLocalJWKSet({ keys: [jwk] });
    const only = ssoTokenVerifier({ clientId, keys, allowedTenantIds: [tid] });
    await expect(only(await sign({}))).resolves.toMatchObject({ tenantId: tid });
    const other = '0b9f4c2e-1111-4222-8333-944445555666';
    await expect(only(await sign({ tid: other, iss: `https://login.microsoftonline.com/${other}/v2.0` }))).rejects.toMatchObject({
      status: 403,
      code: 'tenant_not_allowed',
    });
    // Unset: any tenant the token was properly issued by.
    await expect(verify(await sign({ tid: other, iss: `https://login.microsoftonline.com/${other}/v2.0` }))).resolves.toMatchObject({
      tenantId: other,
    });
  });

  it('rejects garbage', async () => {
    await expect(verify('not-a-token')).rejects.toMatchObject({ status: 401 });
  });
});

import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import type { CallerVerifier } from '../../bot/http/sso-token-verifier.js';
import { ssoTokenVerifier } from '../../bot/http/sso-token-verifier.js';

/**
 * Teams SSO as production checks it, with a signing key made for the run: the service is built
 * with `verifyCaller` and `ssoClientId`, and every call carries a token from `tokenFor`. Local
 * mode's demo identities would cost a storage read per call (the caller's name) that production
 * does not make.
 */
export async function benchSso(): Promise<{
  clientId: string;
  verifyCaller: CallerVerifier;
  tokenFor(who: { tenantId: string; userId: string }): Promise<string>;
}> {
  const clientId = '11111111-2222-4333-8444-555555555555';
  const keys = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k', alg: 'RS256' };
  return {
    clientId,
    verifyCaller: ssoTokenVerifier({ clientId, keys: createLocalJWKSet({ keys: [jwk] }) }),
    tokenFor: ({ tenantId, userId }) =>
      new SignJWT({ tid: tenantId, oid: userId, scp: 'access_as_user', name: 'Bench' })
        .setProtectedHeader({ alg: 'RS256', kid: 'k' })
        .setIssuer(`https://login.microsoftonline.com/${tenantId}/v2.0`)
        .setAudience(clientId)
        .setExpirationTime('2h')
        .sign(keys.privateKey),
  };
}

import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { ApiError } from './api-error.js';

export interface VerifiedCaller {
  tenantId: string;
  userId: string;
  displayName: string;
}

export type CallerVerifier = (bearerToken: string) => Promise<VerifiedCaller>;

const MICROSOFT_KEYS = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

/**
 * Verifies a Teams SSO token (Entra ID v2 access token for our app): signature against
 * Microsoft's published keys, issuer of the token's own tenant, our audience, expiry and the
 * `access_as_user` scope, and, when the deployment names them, one of its tenants. The tenant and
 * user come from the token, never from the request.
 */
export function ssoTokenVerifier(options: {
  clientId: string;
  keys?: JWTVerifyGetKey;
  now?: () => Date;
  allowedTenantIds?: readonly string[] | undefined;
}): CallerVerifier {
  const keys = options.keys ?? createRemoteJWKSet(new URL(MICROSOFT_KEYS));
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        audience: [options.clientId, `api://${options.clientId}`],
        algorithms: ['RS256'],
        clockTolerance: 60,
        ...(options.now ? { currentDate: options.now() } : {}),
      });
      const tid = typeof payload.tid === 'string' ? payload.tid : undefined;
      const oid = typeof payload.oid === 'string' ? payload.oid : undefined;
      if (!tid || !oid) throw new ApiError(401, 'invalid_token', 'The token does not name a tenant and user.');
      if (payload.iss !== `https://login.microsoftonline.com/${tid}/v2.0`) {
        throw new ApiError(401, 'invalid_token', 'The token was not issued by the user’s own tenant.');
      }
      if (options.allowedTenantIds && !options.allowedTenantIds.includes(tid.toLowerCase())) {
        throw new ApiError(403, 'tenant_not_allowed', 'Your organisation is not set up to use this Learning Loop.');
      }
      const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
      if (!scopes.includes('access_as_user')) {
        throw new ApiError(403, 'insufficient_scope', 'The token does not grant access_as_user.');
      }
      const name =
        typeof payload.name === 'string'
          ? payload.name
          : typeof payload.preferred_username === 'string'
            ? payload.preferred_username
            : 'Unknown';
      return { tenantId: tid, userId: oid, displayName: name };
    } catch (error) {
      if (error instanceof ApiError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw new ApiError(401, 'token_expired', 'The sign-in token has expired.');
      if (error instanceof joseErrors.JOSEError)
        throw new ApiError(401, 'invalid_token', `The sign-in token is not valid (${error.code}).`);
      throw error;
    }
  };
}

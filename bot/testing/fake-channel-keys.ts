import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWK, type JWTPayload } from 'jose';

/** A key pair the fake channel signs with, published under `kid` with its endorsements. */
export interface ChannelSigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
  endorsements: string[];
}

export async function channelSigningKey(kid: string, endorsements: string[] = ['msteams']): Promise<ChannelSigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return { kid, privateKey, publicJwk: await exportJWK(publicKey), endorsements };
}

export interface ChannelKeyServer {
  /** Where botbuilder reads the OpenID configuration (BOT_OPENID_METADATA_URL). */
  metadataUrl: string;
  /** Requests served, so a test can see its keys were the ones used. */
  fetches: { metadata: number; keys: number };
  stop(): Promise<void>;
}

/**
 * A local stand-in for login.botframework.com: the OpenID configuration and a key set shaped like
 * the Bot Framework's (RSA keys, each with the channels it is endorsed for).
 */
export async function startChannelKeyServer(keys: ChannelSigningKey[]): Promise<ChannelKeyServer> {
  const fetches = { metadata: 0, keys: 0 };
  const server = createServer((req, res) => {
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    const json = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/v1/.well-known/openidconfiguration') {
      fetches.metadata++;
      return json({
        issuer: 'https://api.botframework.com',
        jwks_uri: `${origin}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
    }
    if (req.url === '/v1/.well-known/keys') {
      fetches.keys++;
      return json({ keys: keys.map((k) => ({ ...k.publicJwk, kid: k.kid, use: 'sig', alg: 'RS256', endorsements: k.endorsements })) });
    }
    res.writeHead(404).end();
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    // A fresh port per run: botbuilder caches keys per metadata URL for the life of the process.
    metadataUrl: `http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`,
    fetches,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * A token as the Bot Framework channel sends one: valid for an hour from now unless `claims` say
 * otherwise (`exp`, `nbf`, `iat` in seconds). `kid` may name a key other than the one signing.
 */
export async function channelToken(signer: { privateKey: CryptoKey }, kid: string, claims: JWTPayload): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iat: now, nbf: now, exp: now + 3600, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
    .sign(signer.privateKey);
}

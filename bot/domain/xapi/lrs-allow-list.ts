/**
 * Where an organisation's statements may go is the deployment's decision, not an admin's alone:
 * statements carry people's words, and admins can name admins. The deployment lists the LRS
 * endpoints it allows (`LRS_ALLOWED_ENDPOINTS`); an endpoint is allowed when it is one of them or
 * lies under one (`https://lrs.example.com/xapi` allows `https://lrs.example.com/xapi/tenant-a`).
 */
export type LrsAllowList =
  /** Any endpoint the settings' own rules accept (local mode only). */
  { kind: 'any' } | { kind: 'listed'; endpoints: readonly string[] };

/** The allow-list as the configuration gives it: comma-separated https URLs; undefined when empty. */
export function parseAllowedEndpoints(raw: string | undefined): string[] | undefined {
  const endpoints = (raw ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  return endpoints.length > 0 ? endpoints.map(normalised) : undefined;
}

/** Why the endpoint may not be used, in words for the admin; undefined when it may. */
export function endpointRefusal(endpoint: string, allowList: LrsAllowList): string | undefined {
  if (allowList.kind === 'any') return undefined;
  if (allowList.endpoints.length === 0) {
    return 'This deployment of Learning Loop sends statements to no LRS: whoever deploys it must first list the LRS endpoints it allows';
  }
  const wanted = normalised(endpoint);
  if (allowList.endpoints.some((allowed) => wanted === allowed || wanted.startsWith(`${allowed}/`))) return undefined;
  return `This deployment sends statements only to ${allowList.endpoints.join(', ')}; ask whoever deploys Learning Loop to allow another`;
}

/** Scheme and host lower-cased, no trailing slash: the form endpoints are compared in. */
function normalised(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    return `${url.protocol}//${url.host}${url.pathname}`.replace(/\/+$/, '');
  } catch {
    return endpoint.replace(/\/+$/, '');
  }
}

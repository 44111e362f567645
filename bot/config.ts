import ipaddr from 'ipaddr.js';
import { MIN_RETENTION_DAYS } from './domain/retention.js';
import { parseAllowedEndpoints, type LrsAllowList } from './domain/xapi/lrs-allow-list.js';
import { z } from 'zod';

/** Azurite's well-known development account; only ever used against a local emulator. */
const AZURITE_ACCOUNT = 'devstoreaccount1';
const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function azuriteConnectionString(host: string, tablePort: number, queuePort: number): string {
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${AZURITE_ACCOUNT}`,
    `AccountKey=${AZURITE_KEY}`,
    `TableEndpoint=http://${host}:${tablePort}/${AZURITE_ACCOUNT}`,
    `QueueEndpoint=http://${host}:${queuePort}/${AZURITE_ACCOUNT}`,
  ].join(';');
}

const port = z.coerce.number().int().min(0).max(65535);
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());

const envSchema = z
  .object({
    // Optional only where nothing says this is a deployment: see the refinement below.
    LEARNING_LOOP_MODE: z.preprocess(emptyToUndefined, z.enum(['local', 'production']).optional()),
    PORT: port.default(3978),
    HOST: optionalString,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // Local and tests: a connection string (Azurite). Production: endpoints + managed identity.
    STORAGE_CONNECTION_STRING: optionalString,
    STORAGE_TABLE_ENDPOINT: z.preprocess(emptyToUndefined, z.url().optional()),
    STORAGE_QUEUE_ENDPOINT: z.preprocess(emptyToUndefined, z.url().optional()),
    TABLE_PREFIX: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9]{0,20}$/, 'letters and digits, starting with a letter')
      .default('ll'),
    MICROSOFT_APP_ID: optionalString,
    MICROSOFT_APP_PASSWORD: optionalString,
    MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMsi']).default('UserAssignedMsi'),
    MICROSOFT_APP_TENANT_ID: optionalString,
    /** Where the channel's token-signing keys are read; tests point it at their own key server. */
    BOT_OPENID_METADATA_URL: z.preprocess(emptyToUndefined, z.url().optional()),
    AAD_APP_CLIENT_ID: optionalString,
    /** The Teams app's id (the manifest's `id`): cards link into its tabs with it. */
    TEAMS_APP_ID: z.preprocess(emptyToUndefined, z.guid('a GUID: the id in the app manifest').optional()),
    /** Where the tab is served, as a public https origin (e.g. a tunnel to a local service). */
    TAB_ENDPOINT: z.preprocess(emptyToUndefined, z.url({ protocol: /^https$/, error: 'an https URL' }).optional()),
    TAB_DIST_DIR: optionalString,
    /** Requests a minute each signed-in caller may make to the tab's API (bursts of a fifth of it at once). */
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(10).max(1_000_000).default(300),
    SEED_DEMO_DATA: z.enum(['true', 'false']).default('false'),
    /** Days raw records are kept; unset keeps everything. */
    RETENTION_DAYS: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number()
        .int()
        .min(
          MIN_RETENTION_DAYS,
          `must be at least ${MIN_RETENTION_DAYS} days (53 weeks), so every dashboard period and the admin report stay whole`,
        )
        .optional(),
    ),
    /** Entra tenants whose people may use the tab's API, comma-separated; unset means any tenant that consented to the app. */
    ALLOWED_TENANT_IDS: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[0-9a-f-]{36}(,[0-9a-f-]{36})*$/i, 'tenant GUIDs, comma-separated')
        .optional(),
    ),
    /** L&D admins named by the deployment: `tenantId:userId` pairs, comma-separated. */
    LD_ADMINS: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[^:,\s]+:[^:,\s]+(,[^:,\s]+:[^:,\s]+)*$/, 'tenantId:userId pairs, comma-separated')
        .optional(),
    ),
    /** The LRS endpoints statements may go to: https URLs, comma-separated (an endpoint may lie under one). Production allows none without it. */
    LRS_ALLOWED_ENDPOINTS: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .refine(
          (v) => v.split(',').every((e) => !e.trim() || /^https:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(e.trim())),
          'https URLs without query or fragment, comma-separated',
        )
        .optional(),
    ),
    /** Application Insights: with it the service sends its requests, dependencies and traces there; without it, nothing. */
    APPLICATIONINSIGHTS_CONNECTION_STRING: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .refine(
          isAppInsightsConnectionString,
          'an Application Insights connection string (InstrumentationKey=<GUID>;IngestionEndpoint=https://…)',
        )
        .optional(),
    ),
  })
  .superRefine((env, ctx) => {
    // A deployment that forgot the mode would otherwise run in local mode: bound to every address,
    // its LRS allowed onto private networks. Credentials or storage endpoints say it is not a laptop.
    const deploymentHint = (
      ['MICROSOFT_APP_ID', 'MICROSOFT_APP_PASSWORD', 'STORAGE_TABLE_ENDPOINT', 'STORAGE_QUEUE_ENDPOINT'] as const
    ).find((key) => env[key]);
    if (!env.LEARNING_LOOP_MODE && deploymentHint) {
      ctx.addIssue({
        code: 'custom',
        path: ['LEARNING_LOOP_MODE'],
        message: `must be set ("production" in Azure, "local" for a dev tunnel) when ${deploymentHint} is set; the service will not guess`,
      });
      return;
    }
    if (env.LEARNING_LOOP_MODE === 'production') {
      for (const key of ['MICROSOFT_APP_ID', 'AAD_APP_CLIENT_ID', 'STORAGE_TABLE_ENDPOINT', 'STORAGE_QUEUE_ENDPOINT'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production mode' });
      }
      if (env.STORAGE_CONNECTION_STRING) {
        ctx.addIssue({
          code: 'custom',
          path: ['STORAGE_CONNECTION_STRING'],
          message: 'must not be set in production: storage is reached with the managed identity',
        });
      }
      if (env.SEED_DEMO_DATA === 'true') {
        ctx.addIssue({ code: 'custom', path: ['SEED_DEMO_DATA'], message: 'demo data is for local mode only' });
      }
      // Whoever serves these keys can sign activities the bot will trust.
      if (env.BOT_OPENID_METADATA_URL && !env.BOT_OPENID_METADATA_URL.startsWith('https://')) {
        ctx.addIssue({ code: 'custom', path: ['BOT_OPENID_METADATA_URL'], message: 'must be an https URL in production' });
      }
    } else if (env.MICROSOFT_APP_ID && !env.AAD_APP_CLIENT_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['AAD_APP_CLIENT_ID'],
        message: 'is required with bot credentials: a real Teams tenant signs the tab in with SSO',
      });
    } else if (!env.STORAGE_CONNECTION_STRING) {
      ctx.addIssue({
        code: 'custom',
        path: ['STORAGE_CONNECTION_STRING'],
        message: 'is required in local mode (npm start sets it for Azurite)',
      });
    }
  });

/** Every environment variable the service reads: a deployment that sets any other is mistaken. */
export const CONFIG_SETTINGS: readonly string[] = Object.keys(envSchema.shape);

/**
 * `Key=value` pairs separated by `;`, as the Azure portal and ARM give them: an instrumentation
 * key that is a GUID and, when named, an https ingestion endpoint. A mistyped value is refused at
 * start-up rather than leaving the service silently sending nowhere.
 */
function isAppInsightsConnectionString(value: string): boolean {
  const pairs = new Map<string, string>();
  for (const part of value.split(';').filter((p) => p.trim() !== '')) {
    const at = part.indexOf('=');
    if (at <= 0) return false;
    pairs.set(part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim());
  }
  const key = pairs.get('instrumentationkey') ?? '';
  const ingestion = pairs.get('ingestionendpoint');
  return (
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key) &&
    (ingestion === undefined || /^https:\/\/[^\s/]+/.test(ingestion))
  );
}

export type StorageConfig =
  | { kind: 'connectionString'; connectionString: string; tablePrefix: string }
  | { kind: 'managedIdentity'; tableEndpoint: string; queueEndpoint?: string; tablePrefix: string };

export interface AppConfig {
  mode: 'local' | 'production';
  port: number;
  /** Local mode without bot credentials listens on loopback only. */
  host: string;
  logLevel: string;
  storage: StorageConfig;
  bot: {
    appId: string | undefined;
    appPassword: string | undefined;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMsi';
    appTenantId: string | undefined;
    /**
     * OpenID metadata for tokens from the Bot Framework channel; unset means the public cloud's.
     * For tests that sign their own activities, and clouds that publish the keys elsewhere.
     */
    openIdMetadataUrl?: string;
  };
  /** Entra app registration whose SSO tokens the tab sends. */
  ssoClientId: string | undefined;
  /** Tenants whose SSO tokens are accepted; undefined: any. */
  allowedTenantIds: string[] | undefined;
  /** The Teams app's id, for deep links from cards into its tabs; without it cards link only in local mode. */
  teamsAppId: string | undefined;
  /** The tab's public https origin, without a trailing slash. */
  tabEndpoint: string | undefined;
  tabDistDir: string | undefined;
  /** Per signed-in caller, and per address for failed sign-ins (see http/rate-limit.ts). */
  apiRateLimitPerMinute: number;
  seedDemoData: boolean;
  /** Raw records older than this many days are deleted daily, their weeks kept as anonymous team totals; undefined keeps all. */
  retentionDays: number | undefined;
  /** L&D admins set by configuration, per tenant; admins can name more in the app. */
  ldAdmins: { tenantId: string; userId: string }[];
  /** Where LRS statements may go: anywhere the settings' rules accept in local mode without a list, else only the listed endpoints. */
  lrsAllowList: LrsAllowList;
  /**
   * Demo identities (named in request headers) are accepted only in local mode without bot
   * credentials, where the service listens on loopback alone. With credentials the service may
   * sit behind a public tunnel, so the tab must sign in with SSO there too.
   */
  acceptDemoIdentities: boolean;
  /** Where telemetry goes (Application Insights); undefined sends none and loads none of its code. */
  telemetryConnectionString: string | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = { ...parsed.data, LEARNING_LOOP_MODE: parsed.data.LEARNING_LOOP_MODE ?? 'local' };
  const hasBotCredentials = Boolean(e.MICROSOFT_APP_ID);
  const host = e.HOST ?? (e.LEARNING_LOOP_MODE === 'local' && !hasBotCredentials ? '127.0.0.1' : '0.0.0.0');
  if (e.LEARNING_LOOP_MODE === 'local' && !hasBotCredentials && !isLoopback(host)) {
    throw new ConfigError(
      `Invalid configuration:\n  - HOST: local mode without bot credentials accepts unauthenticated requests, so it listens on loopback only (got ${host})`,
    );
  }
  return {
    mode: e.LEARNING_LOOP_MODE,
    port: e.PORT,
    host,
    logLevel: e.LOG_LEVEL,
    storage: e.STORAGE_CONNECTION_STRING
      ? { kind: 'connectionString', connectionString: e.STORAGE_CONNECTION_STRING, tablePrefix: e.TABLE_PREFIX }
      : {
          kind: 'managedIdentity',
          tableEndpoint: e.STORAGE_TABLE_ENDPOINT ?? '',
          ...(e.STORAGE_QUEUE_ENDPOINT ? { queueEndpoint: e.STORAGE_QUEUE_ENDPOINT } : {}),
          tablePrefix: e.TABLE_PREFIX,
        },
    bot: {
      appId: e.MICROSOFT_APP_ID,
      appPassword: e.MICROSOFT_APP_PASSWORD,
      appType: e.MICROSOFT_APP_TYPE,
      appTenantId: e.MICROSOFT_APP_TENANT_ID,
      openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
    },
    ssoClientId: e.AAD_APP_CLIENT_ID,
    allowedTenantIds: e.ALLOWED_TENANT_IDS?.split(',').map((id) => id.toLowerCase()),
    teamsAppId: e.TEAMS_APP_ID,
    tabEndpoint: e.TAB_ENDPOINT?.replace(/\/+$/, ''),
    tabDistDir: e.TAB_DIST_DIR,
    apiRateLimitPerMinute: e.API_RATE_LIMIT_PER_MINUTE,
    seedDemoData: e.SEED_DEMO_DATA === 'true',
    retentionDays: e.RETENTION_DAYS,
    ldAdmins: (e.LD_ADMINS ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => {
        const [tenantId = '', userId = ''] = pair.split(':');
        return { tenantId, userId };
      }),
    acceptDemoIdentities: e.LEARNING_LOOP_MODE === 'local' && !hasBotCredentials,
    lrsAllowList: lrsAllowListOf(e.LEARNING_LOOP_MODE, e.LRS_ALLOWED_ENDPOINTS),
    telemetryConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING,
  };
}

function lrsAllowListOf(mode: 'local' | 'production', raw: string | undefined): LrsAllowList {
  const endpoints = parseAllowedEndpoints(raw);
  if (endpoints) return { kind: 'listed', endpoints };
  return mode === 'local' ? { kind: 'any' } : { kind: 'listed', endpoints: [] };
}

/** Only names and addresses that cannot leave this machine: `127.example.com` is a host name like any other. */
function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare.toLowerCase() === 'localhost') return true;
  return ipaddr.isValid(bare) && ipaddr.process(bare).range() === 'loopback';
}

import http from 'node:http';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { IANAZone } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LD_ADMIN, DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from '../../bot/demo/demo-team.js';
import { seedDemoData } from '../../bot/demo/seed-demo-data.js';
import { DASHBOARD_PERIODS } from '../../bot/contract/dashboard-view.js';
import { isEraseConfirmation } from '../../bot/contract/my-data.js';
import { RESOURCE_SCOPES, SHARE_SORTS } from '../../bot/contract/share-view.js';
import { ApiError } from '../../bot/http/api-error.js';
import type { ProblemDetails } from '../../bot/contract/api.js';
import { EntryStore } from '../../bot/store/entry-store.js';
import { AUDIT_KINDS } from '../../bot/contract/audit.js';
import { AuditStore } from '../../bot/store/audit-store.js';
import { tableClients } from '../../bot/store/table-clients.js';
import { entryEditFields, goalFields, lrsSettingsFields, notALink, scheduleFields } from '../../bot/testing/hostile-fields.js';
import {
  ABSENT,
  blank,
  brokenObject,
  expectRefusedWithoutWrites,
  hostileJson,
  hostileText,
  isWholeIn,
  longText,
  notOfKind,
  notOneOf,
  percentEncode,
  tooLong,
  type FieldSpec,
} from '../../bot/testing/hostile-values.js';
import { snapshotTables } from '../../bot/testing/table-snapshot.js';
import { startTestService, type RunningTestService } from '../../bot/testing/test-service.js';
import { declaredApiRoutes } from '../support/route-matrix.js';

/**
 * The security issue's generated-input test for the tab's API: for every route that takes a
 * path parameter, a query or a body, over a thousand inputs that are invalid by construction
 * (wrong types, missing and unknown fields, 100 KB strings, control characters, odd Unicode,
 * markup, mention and OData injection, traversal in ids, malformed JSON) must each get a clear
 * 4xx with a JSON error message, and leave every table as it was.
 */

const PER_ROUTE = 1000;
const BATCH = 500;
const CONCURRENCY = 12;

const [lead, learner, member] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!, DEMO_PEOPLE[2]!];
const CALLERS = { lead, learner, member, admin: DEMO_LD_ADMIN } as const;
type Who = keyof typeof CALLERS;

interface Fixtures {
  entryId: string;
  shareId: string;
  recId: string;
  /** The demo team's open follow-up. */
  followUpId: string;
}

type Slot =
  { kind: 'param'; name: string; value: string } | { kind: 'query'; value: Record<string, unknown> } | { kind: 'body'; value: RawBody };
interface RawBody {
  raw: string;
  contentType: string;
}
interface ApiCase {
  path: string;
  body?: RawBody;
}
interface Answer {
  status: number;
  contentType: string;
  text: string;
}

/** Ids a regex checks (entries, shares, recommendations); anything else is refused or not found. */
const anyId = hostileText(300);
/** User ids as the API accepts them (Entra object ids, Teams ids): a hostile value must not be one. */
const userIdLike = /^[A-Za-z0-9][A-Za-z0-9:@._=+-]{0,199}$/;
const notAUserId = hostileText(300).filter((s) => !userIdLike.test(s));

const text = (...values: string[]) => fc.constantFrom(...values);

interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  route: string;
  who: Who;
  /** Each path parameter's real value (so the other parts reach validation) and its hostile values. */
  params?: Record<string, { valid: (f: Fixtures) => string; invalid: fc.Arbitrary<string> }>;
  /** The route's strict query schema. */
  query?: Record<string, FieldSpec>;
  body?: {
    fields: Record<string, FieldSpec>;
    strict: boolean;
    /** No body, or `{}`, is a valid request: wrong content types and empty objects are then no breakers. */
    emptyIsValid?: boolean;
    /** Bodies invalid as a whole that the field breakers do not make (`{}` where one field must be set). */
    extra?: fc.Arbitrary<unknown>;
  };
}

const team = { valid: () => DEMO_TEAM.id, invalid: hostileText(1000) };
const weeksQuery: Record<string, FieldSpec> = {
  weeks: {
    valid: fc.constantFrom(...DASHBOARD_PERIODS.map(String)),
    invalid: fc
      .oneof(hostileText(300), fc.array(text('4', '12'), { minLength: 2, maxLength: 3 }))
      .filter((v) => !(DASHBOARD_PERIODS as readonly number[]).includes(Number(v))),
  },
};

/** The audit trail's filters: a blank one is no filter, so never a breaker. */
const auditFilters: Record<string, FieldSpec> = {
  person: {
    valid: text('Alex Wilber', ' alex wilber ', lead.userId, "O'Brien"),
    // Kept short enough that the percent-encoded query stays under Node's 16 KB header limit.
    invalid: fc.oneof(
      fc.tuple(fc.integer({ min: 201, max: 400 }), fc.constantFrom('x', 'é', '中')).map(([n, c]) => c.repeat(n)),
      // Well-formed, or the query parser keeps the raw percent-escapes, control character and all, as text.
      hostileText(100)
        .filter((s) => !/\p{Cs}/u.test(s))
        .map((s) => `a${s}\u0001`),
      fc.constant(['Alex Wilber', 'Megan Bowen']),
    ),
  },
  kind: {
    valid: fc.constantFrom(...AUDIT_KINDS),
    invalid: fc.oneof(
      notOneOf(AUDIT_KINDS).filter((s) => s.trim() !== ''),
      fc.constant([...AUDIT_KINDS.slice(0, 2)]),
    ),
  },
};

/**
 * More of a report table: a cursor is required. The demo's tables fit on one page, so a well-formed
 * cursor (of another list: refused, 400) stands for a valid one; every field breaker still gets a 4xx.
 */
const reportCursor: FieldSpec = {
  valid: fc.constant(Buffer.from(JSON.stringify({ p: 'another-list', t: 'eyJuZXh0UGFydGl0aW9uS2V5IjoiYSJ9' })).toString('base64url')),
  // Kept short enough that the percent-encoded query stays under Node's 16 KB header limit; length is tried in ASCII.
  invalid: fc.oneof(
    fc.constant(ABSENT),
    hostileText(600),
    fc.integer({ min: 2001, max: 2100 }).map((n) => 'A'.repeat(n)),
  ),
};

/** Every route of bot/http/api-router.ts with a path parameter, a query or a body. */
const ROUTES: readonly RouteSpec[] = [
  {
    method: 'GET',
    route: '/me/entries',
    who: 'learner',
    query: {
      limit: {
        valid: text('1', '50', '100'),
        invalid: fc
          .oneof(text('0', '101', '2.5', '-1', 'abc', ''), hostileText(300), fc.constant(['1', '2']))
          .filter((v) => Array.isArray(v) || !isWholeIn(1, 100, v)),
      },
      cursor: {
        valid: fc.constant(ABSENT),
        // Tampered cursors too: one naming the caller's own partition with a made-up continuation.
        invalid: fc.oneof(
          hostileText(1200).filter((s) => s !== ''),
          hostileText(500).map((t) =>
            Buffer.from(JSON.stringify({ p: EntryStore.partitionKey(DEMO_TENANT_ID, learner.userId), t: t || 'x' })).toString('base64url'),
          ),
          hostileJson.map((j) => Buffer.from(JSON.stringify(j) ?? 'null').toString('base64url')),
        ),
      },
    },
  },
  {
    method: 'PATCH',
    route: '/me/entries/:entryId',
    who: 'learner',
    params: { entryId: { valid: (f) => f.entryId, invalid: anyId } },
    body: { fields: entryEditFields(), strict: true, emptyIsValid: true },
  },
  { method: 'DELETE', route: '/me/entries/:entryId', who: 'learner', params: { entryId: { valid: (f) => f.entryId, invalid: anyId } } },
  {
    method: 'PUT',
    route: '/me/settings',
    who: 'learner',
    body: {
      strict: true,
      emptyIsValid: true,
      fields: {
        paused: { valid: fc.boolean(), invalid: notOfKind('boolean') },
        timeZone: {
          valid: text('Europe/London'),
          invalid: fc.oneof(
            hostileText(300).filter((s) => !IANAZone.isValidZone(s)),
            notOfKind('string', 'null'),
          ),
        },
      },
    },
  },
  { method: 'GET', route: '/teams/:teamId/dashboard', who: 'member', params: { teamId: team }, query: weeksQuery },
  { method: 'GET', route: '/teams/:teamId/settings', who: 'member', params: { teamId: team } },
  { method: 'GET', route: '/teams/:teamId/members', who: 'lead', params: { teamId: team } },
  {
    method: 'PUT',
    route: '/teams/:teamId/settings',
    who: 'lead',
    params: { teamId: team },
    body: { fields: scheduleFields(DEMO_TEAM.id), strict: false },
  },
  {
    method: 'PUT',
    route: '/teams/:teamId/members/:userId/role',
    who: 'lead',
    params: { teamId: team, userId: { valid: () => learner.userId, invalid: hostileText(300) } },
    body: {
      strict: true,
      fields: {
        role: { valid: text('lead', 'member'), invalid: fc.oneof(notOneOf(['lead', 'member']), notOfKind('string')), required: true },
      },
    },
  },
  {
    method: 'POST',
    route: '/teams/:teamId/members/:userId/nudges',
    who: 'lead',
    params: { teamId: team, userId: { valid: () => learner.userId, invalid: hostileText(300) } },
    body: {
      strict: true,
      emptyIsValid: true,
      fields: { note: { valid: text('How is it going?'), invalid: fc.oneof(tooLong(500), notOfKind('string', 'null')) } },
    },
  },
  { method: 'GET', route: '/teams/:teamId/nudges', who: 'lead', params: { teamId: team } },
  { method: 'GET', route: '/teams/:teamId/follow-ups', who: 'lead', params: { teamId: team } },
  {
    method: 'POST',
    route: '/teams/:teamId/follow-ups/:followUpId/close',
    who: 'lead',
    params: { teamId: team, followUpId: { valid: (f) => f.followUpId, invalid: anyId } },
    body: {
      strict: true,
      fields: { note: { valid: text('We talked'), invalid: fc.oneof(tooLong(280), notOfKind('string')), required: true } },
    },
  },
  { method: 'GET', route: '/teams/:teamId/awaiting-actions', who: 'lead', params: { teamId: team } },
  {
    method: 'POST',
    route: '/teams/:teamId/members/:userId/entries/:entryId/ask-how-it-went',
    who: 'lead',
    params: {
      teamId: team,
      userId: { valid: () => learner.userId, invalid: notAUserId },
      entryId: { valid: (f) => f.entryId, invalid: anyId },
    },
  },
  {
    method: 'POST',
    route: '/teams/:teamId/members/:userId/entries/:entryId/ask-to-share',
    who: 'lead',
    params: {
      teamId: team,
      userId: { valid: () => learner.userId, invalid: notAUserId },
      entryId: { valid: (f) => f.entryId, invalid: anyId },
    },
  },
  { method: 'GET', route: '/teams/:teamId/share-asks', who: 'lead', params: { teamId: team } },
  {
    method: 'POST',
    route: '/teams/:teamId/shares/:shareId/coaching',
    who: 'lead',
    params: { teamId: team, shareId: { valid: (f) => f.shareId, invalid: anyId } },
    body: {
      strict: true,
      fields: {
        note: {
          valid: text('Try it on the next sprint'),
          invalid: fc.oneof(fc.oneof(tooLong(1000), blank), notOfKind('string')),
          required: true,
        },
      },
    },
  },
  {
    method: 'GET',
    route: '/teams/:teamId/exports/:file',
    who: 'lead',
    params: {
      teamId: team,
      file: {
        valid: () => 'participation.csv',
        invalid: fc.oneof(anyId, text('entries', 'entries.CSV', 'report.csv', '../entries.csv', 'entries.csv.')),
      },
    },
    query: weeksQuery,
  },
  {
    method: 'POST',
    route: '/teams/:teamId/members/:userId/entries/:entryId/coaching',
    who: 'lead',
    params: {
      teamId: team,
      userId: { valid: () => learner.userId, invalid: notAUserId },
      entryId: { valid: (f) => f.entryId, invalid: anyId },
    },
    body: {
      strict: true,
      fields: {
        note: {
          valid: text('What would you try first?'),
          invalid: fc.oneof(fc.oneof(tooLong(1000), blank), notOfKind('string')),
          required: true,
        },
      },
    },
  },
  {
    method: 'GET',
    route: '/teams/:teamId/one-to-ones/:leadId/:memberId',
    who: 'learner',
    params: {
      teamId: team,
      leadId: { valid: () => lead.userId, invalid: notAUserId },
      memberId: { valid: () => learner.userId, invalid: notAUserId },
    },
  },
  {
    method: 'POST',
    route: '/teams/:teamId/one-to-ones/:leadId/:memberId/items',
    who: 'lead',
    params: {
      teamId: team,
      leadId: { valid: () => lead.userId, invalid: notAUserId },
      memberId: { valid: () => learner.userId, invalid: notAUserId },
    },
    body: {
      strict: true,
      fields: {
        topic: {
          valid: text('The conference budget'),
          invalid: fc.oneof(fc.oneof(tooLong(280), blank), notOfKind('string')),
          required: true,
        },
      },
    },
  },
  {
    method: 'PUT',
    route: '/teams/:teamId/one-to-ones/:leadId/:memberId/items/:itemId/ticked',
    who: 'learner',
    params: {
      teamId: team,
      leadId: { valid: () => lead.userId, invalid: notAUserId },
      memberId: { valid: () => learner.userId, invalid: notAUserId },
      itemId: { valid: () => '0000000000001-aaaaaaaa', invalid: anyId },
    },
  },
  {
    method: 'GET',
    route: '/teams/:teamId/members/:userId/coaching',
    who: 'lead',
    params: { teamId: team, userId: { valid: () => learner.userId, invalid: notAUserId } },
  },
  {
    method: 'GET',
    route: '/teams/:teamId/members/:userId/entries',
    who: 'lead',
    params: { teamId: team, userId: { valid: () => learner.userId, invalid: notAUserId } },
    query: {
      limit: {
        valid: text('1', '50', '100'),
        invalid: fc.oneof(text('0', '101', '2.5', '-1', 'abc', ''), hostileText(300)).filter((v) => !isWholeIn(1, 100, v)),
      },
    },
  },
  {
    method: 'POST',
    route: '/teams/:teamId/recommendations',
    who: 'lead',
    params: { teamId: team },
    body: {
      strict: true,
      fields: {
        title: {
          valid: text('Refactoring UI', '[x](javascript:alert(1))'),
          invalid: fc.oneof(fc.oneof(tooLong(200), blank), notOfKind('string')),
          required: true,
        },
        link: {
          valid: text('https://www.refactoringui.com/'),
          invalid: fc.oneof(notALink, fc.constant(''), notOfKind('string')),
          required: true,
        },
        note: { valid: text('Chapter 2 first'), invalid: fc.oneof(tooLong(500), notOfKind('string', 'null')) },
        // Anyone but a member of the team is refused too (404), which is what a hostile id gets.
        learnerId: { valid: text(learner.userId), invalid: fc.oneof(hostileText(300), longText(201, 2000), notOfKind('string')) },
      },
    },
  },
  { method: 'GET', route: '/teams/:teamId/recommendations', who: 'lead', params: { teamId: team } },
  { method: 'GET', route: '/teams/:teamId/channels', who: 'lead', params: { teamId: team } },
  {
    method: 'PUT',
    route: '/me/recommendations/:teamId/:recId',
    who: 'learner',
    params: { teamId: team, recId: { valid: (f) => f.recId, invalid: anyId } },
    body: { strict: true, fields: { done: { valid: fc.boolean(), invalid: notOfKind('boolean'), required: true } } },
  },
  {
    method: 'GET',
    route: '/teams/:teamId/shares',
    who: 'member',
    params: { teamId: team },
    query: {
      sort: {
        valid: fc.constantFrom(...SHARE_SORTS),
        invalid: fc.oneof(notOneOf(SHARE_SORTS), fc.array(fc.constantFrom(...SHARE_SORTS), { minLength: 2, maxLength: 2 })),
      },
    },
  },
  {
    method: 'GET',
    route: '/teams/:teamId/resources',
    who: 'member',
    params: { teamId: team },
    query: {
      scope: {
        valid: fc.constantFrom(...RESOURCE_SCOPES),
        invalid: fc.oneof(notOneOf(RESOURCE_SCOPES), fc.array(fc.constantFrom(...RESOURCE_SCOPES), { minLength: 2, maxLength: 2 })),
      },
    },
  },
  {
    method: 'PUT',
    route: '/teams/:teamId/shares/:shareId/my-vote',
    who: 'member',
    params: { teamId: team, shareId: { valid: (f) => f.shareId, invalid: anyId } },
    body: {
      strict: true,
      fields: {
        helpful: { valid: fc.boolean(), invalid: notOfKind('boolean') },
        saved: { valid: fc.boolean(), invalid: notOfKind('boolean') },
        rating: { valid: fc.constantFrom(1, 5, null), invalid: fc.oneof(fc.constantFrom(0, 6, 2.5, -1, 1e9), notOfKind('number', 'null')) },
      },
      // Naming none of them sets nothing: refused.
      extra: fc.constant({}),
    },
  },
  {
    method: 'POST',
    route: '/me/goals',
    who: 'learner',
    body: { strict: false, fields: goalFields() },
  },
  {
    method: 'DELETE',
    route: '/me',
    who: 'learner',
    // Anything but the typed confirmation is refused before a row is touched.
    body: {
      strict: true,
      fields: {
        confirm: {
          valid: fc.constant('Erase my data'),
          invalid: fc.oneof(hostileText(300), notOfKind('string')).filter((v) => !isEraseConfirmation(v)),
          required: true,
        },
      },
    },
  },
  { method: 'PUT', route: '/admin/admins/:userId', who: 'admin', params: { userId: { valid: () => randomUUID(), invalid: notAUserId } } },
  { method: 'GET', route: '/admin/report', who: 'admin', query: weeksQuery },
  { method: 'GET', route: '/admin/report.csv', who: 'admin', query: weeksQuery },
  {
    method: 'GET',
    route: '/admin/audit',
    who: 'admin',
    query: {
      ...auditFilters,
      cursor: {
        valid: fc.constant(ABSENT),
        // Tampered cursors too: one naming the trail's own partition with a made-up continuation.
        invalid: fc.oneof(
          hostileText(600).filter((s) => s !== ''),
          hostileText(300).map((t) =>
            Buffer.from(JSON.stringify({ p: AuditStore.partitionKey(DEMO_TENANT_ID), t: t || 'x' })).toString('base64url'),
          ),
          fc.integer({ min: 2001, max: 2100 }).map((n) => 'A'.repeat(n)),
        ),
      },
    },
  },
  { method: 'GET', route: '/admin/audit.csv', who: 'admin', query: auditFilters },
  { method: 'GET', route: '/admin/report/teams', who: 'admin', query: { ...weeksQuery, cursor: reportCursor } },
  { method: 'GET', route: '/admin/report/leads', who: 'admin', query: { ...weeksQuery, cursor: reportCursor } },
  { method: 'GET', route: '/admin/report/teams/:teamId', who: 'admin', params: { teamId: team }, query: weeksQuery },
  // L&D settings: all three settings whole numbers in range or one of the cadences; the picker's search; naming and removing admins.
  {
    method: 'PUT',
    route: '/admin/settings',
    who: 'admin',
    body: {
      strict: true,
      fields: {
        followUpDays: {
          valid: fc.integer({ min: 1, max: 30 }),
          invalid: fc.oneof(fc.constantFrom(0, 31, 2.5, -1, 1e9), notOfKind('number')),
          required: true,
        },
        defaultCadence: {
          valid: fc.constantFrom('weekly', 'biweekly'),
          invalid: fc.oneof(notOneOf(['weekly', 'biweekly']), notOfKind('string')),
          required: true,
        },
        flagResponseBelow: {
          valid: fc.integer({ min: 0, max: 100 }),
          invalid: fc.oneof(fc.constantFrom(-1, 101, 50.5, 1e9), notOfKind('number')),
          required: true,
        },
      },
    },
  },
  {
    method: 'GET',
    route: '/admin/people',
    who: 'admin',
    query: {
      name: {
        valid: fc.constant('Meg'),
        // Kept short enough that the percent-encoded query stays under Node's 16 KB header limit.
        invalid: fc.oneof(
          blank,
          fc.tuple(fc.integer({ min: 101, max: 300 }), fc.constantFrom('x', 'é', '中')).map(([n, c]) => c.repeat(n)),
          hostileText(100)
            .filter((s) => !/\p{Cs}/u.test(s))
            .map((s) => `a${s}\u0001`),
          fc.constant(['Meg', 'Ale']),
        ),
        required: true,
      },
    },
  },
  {
    method: 'POST',
    route: '/admin/settings/admins',
    who: 'admin',
    body: { strict: true, fields: { userId: { valid: fc.uuid(), invalid: fc.oneof(notAUserId, notOfKind('string')), required: true } } },
  },
  {
    method: 'DELETE',
    route: '/admin/admins/:userId',
    who: 'admin',
    params: { userId: { valid: () => randomUUID(), invalid: notAUserId } },
  },
  { method: 'PUT', route: '/admin/lrs', who: 'admin', body: { strict: true, fields: lrsSettingsFields() } },
  // These take no body: any field, or anything but an object, is refused.
  { method: 'DELETE', route: '/admin/lrs', who: 'admin', body: { strict: true, fields: {}, emptyIsValid: true } },
  { method: 'POST', route: '/admin/lrs/backfill', who: 'admin', body: { strict: true, fields: {}, emptyIsValid: true } },
];

/** Bodies that are wrong as a whole: not JSON, not an object, not JSON at all, or too big. */
function wholeBodyBreakers(emptyIsValid: boolean): fc.Arbitrary<RawBody> {
  const json = (raw: string, contentType = 'application/json') => ({ raw, contentType });
  const breakers: fc.Arbitrary<RawBody>[] = [
    fc
      .constantFrom(
        '{"a":',
        "{'role':'lead'}",
        '{"a":1,}',
        'nul',
        '{"x":"\\ud800',
        '{"a":1}{"b":2}',
        '\u0000',
        '{"__proto__":',
        '[',
        '"unterminated',
      )
      .map((raw) => json(raw)),
    hostileText(500)
      .filter((s) => {
        // An empty body reads as `{}`: that is for the breakers below, on routes where it is wrong.
        if (s.replace(/^\ufeff/, '').trim() === '') return false;
        try {
          const v: unknown = JSON.parse(s);
          return Array.isArray(v) || typeof v !== 'object' || v === null;
        } catch {
          return true;
        }
      })
      .map((raw) => json(raw)),
    notOfKind('object').map((v) => json(JSON.stringify(v) ?? 'null')),
    longText(100_000, 120_000).map((s) => json(JSON.stringify({ note: s, what: s, role: s }))),
    fc
      .constantFrom('application/json; charset=utf-16', 'application/json; charset=x-unknown')
      .map((contentType) => json('{"a":1}', contentType)),
  ];
  if (!emptyIsValid) {
    breakers.push(
      fc
        .tuple(
          fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml'),
          hostileText(300),
        )
        .map(([contentType, raw]) => json(raw, contentType)),
      fc.constant(json('')),
      fc.constant(json('{}')),
    );
  }
  return fc.oneof(...breakers);
}

function caseArbitrary(spec: RouteSpec, fixtures: Fixtures): fc.Arbitrary<ApiCase> {
  const slots: fc.Arbitrary<Slot>[] = [];
  for (const [name, param] of Object.entries(spec.params ?? {}))
    slots.push(param.invalid.map((value): Slot => ({ kind: 'param', name, value })));
  if (spec.query) slots.push(brokenObject(spec.query, { strict: true }).map((value): Slot => ({ kind: 'query', value })));
  if (spec.body) {
    const { fields, strict, emptyIsValid = false, extra } = spec.body;
    const asJson = (value: unknown): Slot => ({ kind: 'body', value: { raw: JSON.stringify(value), contentType: 'application/json' } });
    slots.push(
      brokenObject(fields, { strict }).map(asJson),
      brokenObject(fields, { strict }).map(asJson),
      wholeBodyBreakers(emptyIsValid).map((value): Slot => ({ kind: 'body', value })),
    );
    if (extra) slots.push(extra.map(asJson));
  }
  // With the break elsewhere, the body is a valid one or any hostile JSON: the answer is a refusal either way.
  const validBody = spec.body
    ? fc.record(Object.fromEntries(Object.entries(spec.body.fields).map(([n, f]) => [n, f.valid])))
    : fc.constant(undefined);
  const otherBody = spec.body ? fc.oneof(validBody, hostileJson) : fc.constant(undefined);
  return fc.tuple(fc.oneof(...slots), otherBody).map(([slot, body]) => {
    const params = Object.fromEntries(Object.entries(spec.params ?? {}).map(([n, p]) => [n, p.valid(fixtures)]));
    if (slot.kind === 'param') params[slot.name] = slot.value;
    let path = spec.route.replace(/:(\w+)/g, (_m, name: string) => percentEncode(params[name]!));
    if (slot.kind === 'query') path += `?${queryString(slot.value)}`;
    const raw =
      slot.kind === 'body'
        ? slot.value
        : body === undefined
          ? undefined
          : { raw: JSON.stringify(withoutAbsent(body)), contentType: 'application/json' };
    return { path, ...(raw ? { body: raw } : {}) };
  });
}

function withoutAbsent(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== ABSENT));
}

/** A query string as a browser would send it; arrays repeat the key; other values as their JSON. */
function queryString(query: Record<string, unknown>): string {
  return Object.entries(query)
    .flatMap(([k, v]) =>
      (Array.isArray(v) && v.length > 0 ? v : Array.isArray(v) ? [''] : [v]).map(
        (item) => `${percentEncode(k)}=${percentEncode(typeof item === 'string' ? item : (JSON.stringify(item) ?? ''))}`,
      ),
    )
    .join('&');
}

describe('hostile input to the API: every route with a parameter, query or body refuses malformed input clearly and writes nothing (Azurite, fast-check)', () => {
  let service: RunningTestService;
  let fixtures: Fixtures;
  let agent: http.Agent;
  const sentPerRoute = new Map<string, number>();

  beforeAll(async () => {
    // Callers are named by a bearer token the test verifies itself: the tokens' checks are the SSO tests' business.
    const verifyCaller = async (token: string) => {
      const person = CALLERS[token as Who];
      if (!person) throw new ApiError(401, 'unauthenticated', 'Unknown test token.');
      return { tenantId: DEMO_TENANT_ID, userId: person.userId, displayName: person.displayName };
    };
    service = await startTestService(
      { acceptDemoIdentities: false, ldAdmins: [{ tenantId: DEMO_TENANT_ID, userId: DEMO_LD_ADMIN.userId }] },
      { verifyCaller },
    );
    await seedDemoData({ ...service, now: new Date() });
    const entry = await service.services.checkIns.submit(
      { tenantId: DEMO_TENANT_ID, userId: learner.userId },
      // Its action awaits a result, so a lead may ask how it went.
      { cardId: randomUUID(), what: 'Notes on accessible forms', sourceType: 'article', minutes: '20', action: 'Try it on Monday' },
    );
    if (entry.status !== 'saved') throw new Error('could not seed an entry');
    const shares = await service.stores.shares.listTeamShares(DEMO_TENANT_ID, DEMO_TEAM.id);
    const rec = await service.services.recommendations.recommend({ tenantId: DEMO_TENANT_ID, userId: lead.userId }, DEMO_TEAM.id, {
      title: 'Inspired',
      link: 'https://www.svpg.com/inspired/',
      note: null,
      learnerId: null,
    });
    fixtures = {
      entryId: entry.entry.id,
      shareId: shares.find((s) => s.sharerId === learner.userId && !s.withdrawnAt)!.shareId,
      recId: rec.recId,
      followUpId: (await service.services.followUps.listFor({ tenantId: DEMO_TENANT_ID, userId: lead.userId }, DEMO_TEAM.id)).open[0]!
        .followUpId,
    };
    // An LRS is set, so a body without a secret is valid: each refusal is the broken field's doing.
    await service.stores.lrs.save(DEMO_TENANT_ID, {
      endpoint: 'https://lrs.example.com/xapi',
      key: 'learning-loop',
      secret: 's3cret',
      updatedAt: new Date().toISOString(),
    });
    agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  }, 120_000);
  afterAll(async () => {
    agent?.destroy();
    await service?.stop();
    const counts = [...sentPerRoute.entries()].map(([r, n]) => `${r}: ${n}`);
    if (counts.length > 0)
      console.info(`hostile API inputs: ${[...sentPerRoute.values()].reduce((a, b) => a + b, 0)} in all\n  ${counts.join('\n  ')}`);
  });

  it('covers every route of the API router that takes a path parameter, a query or a body', () => {
    const declared = declaredApiRoutes();
    const withQuery = [
      'GET /me/entries',
      'GET /teams/:teamId/members/:userId/entries',
      'GET /teams/:teamId/dashboard',
      'GET /teams/:teamId/shares',
      'GET /teams/:teamId/resources',
      'GET /admin/report',
      'GET /admin/report.csv',
      'GET /admin/audit',
      'GET /admin/audit.csv',
      'GET /admin/report/teams',
      'GET /admin/report/leads',
      'GET /admin/people',
    ];
    const needed = declared.filter((r) => r.includes(':') || !r.startsWith('GET ') || withQuery.includes(r));
    expect(ROUTES.map((r) => `${r.method} ${r.route}`).sort()).toEqual([...new Set(needed)].sort());
  });

  function send(who: Who, method: string, input: ApiCase): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const body = input.body ? Buffer.from(input.body.raw, 'utf8') : undefined;
      const headers: Record<string, string | number> = { authorization: `Bearer ${who}` };
      if (body) Object.assign(headers, { 'content-type': input.body!.contentType, 'content-length': body.length });
      let answered: Answer | undefined;
      const req = http.request(
        { host: '127.0.0.1', port: new URL(service.baseUrl).port, method, path: `/api/v1${input.path}`, headers, agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            answered = {
              status: res.statusCode ?? 0,
              contentType: String(res.headers['content-type'] ?? ''),
              text: Buffer.concat(chunks).toString('utf8'),
            };
            resolve(answered);
          });
        },
      );
      // A 413 may be answered before the whole body is written; the answer is what counts.
      req.on('error', (error) => (answered ? resolve(answered) : reject(error)));
      req.end(body);
    });
  }

  function problemWith(answer: Answer): string | undefined {
    if (answer.status >= 500) return `${answer.status} ${answer.text.slice(0, 200)}`;
    if (answer.status < 400) return `accepted with ${answer.status}`;
    if (!answer.contentType.startsWith('application/problem+json'))
      return `${answer.status} answered as ${answer.contentType || 'no content type'}`;
    const problem = JSON.parse(answer.text) as Partial<Record<keyof ProblemDetails, unknown>>;
    if (typeof problem.code !== 'string' || typeof problem.detail !== 'string' || problem.detail.trim() === '')
      return `${answer.status} without a problem code and detail: ${answer.text.slice(0, 200)}`;
    if (problem.status !== answer.status || !Array.isArray(problem.errors))
      return `${answer.status} with a problem document that disagrees: ${answer.text.slice(0, 200)}`;
    return undefined;
  }

  for (const spec of ROUTES) {
    it(`${spec.method} ${spec.route}`, async () => {
      const tables = tableClients(service.config.storage);
      const sent = await expectRefusedWithoutWrites({
        cases: caseArbitrary(spec, fixtures),
        total: PER_ROUTE,
        batch: BATCH,
        concurrency: CONCURRENCY,
        send: (input) => send(spec.who, spec.method, input),
        problemWith,
        snapshot: () => snapshotTables(tables),
      });
      sentPerRoute.set(`${spec.method} ${spec.route}`, sent);
      expect(sent).toBeGreaterThanOrEqual(PER_ROUTE);
    }, 60_000);
  }
});

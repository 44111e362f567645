/**
 * The parts of an xAPI 1.0.3 statement this app sends. Only what we fill in is typed; the
 * specification allows more (attachments, sub-statements, groups), which we never produce.
 */

export type LanguageMap = Record<string, string>;

export interface XapiAgent {
  objectType: 'Agent';
  /** People are named by their directory account only: no names, no e-mail addresses. */
  account: { homePage: string; name: string };
}

export interface XapiVerb {
  id: string;
  display: LanguageMap;
}

export interface XapiActivity {
  objectType: 'Activity';
  id: string;
  definition?: { type?: string; name?: LanguageMap; moreInfo?: string };
}

/** A statement as the object of another: what a voiding statement points at. */
export interface XapiStatementRef {
  objectType: 'StatementRef';
  id: string;
}

export interface XapiScore {
  scaled: number;
  raw: number;
  min: number;
  max: number;
}

export interface XapiResult {
  score?: XapiScore;
  completion?: boolean;
  response?: string;
  /** ISO 8601 duration, e.g. PT25M. */
  duration?: string;
}

export interface XapiContext {
  platform: string;
  instructor?: XapiAgent;
  contextActivities?: { grouping?: XapiActivity[]; parent?: XapiActivity[] };
}

export interface XapiStatement {
  /** A UUID derived from the record it describes, so sending it again never duplicates it. */
  id: string;
  actor: XapiAgent;
  verb: XapiVerb;
  /** An activity; a StatementRef only in a voiding statement. */
  object: XapiActivity | XapiStatementRef;
  result?: XapiResult;
  /** Every statement but a voiding one (the specification keeps `platform` to statements about activities). */
  context?: XapiContext;
  timestamp: string;
}

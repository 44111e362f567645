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
  object: XapiActivity;
  result?: XapiResult;
  context: XapiContext;
  timestamp: string;
}

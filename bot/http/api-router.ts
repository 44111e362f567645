import type { FollowThroughService } from '../services/follow-through-service.js';
import { Router, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { AuditService } from '../services/audit-service.js';
import type { CheckInService } from '../services/check-in-service.js';
import type { CoachingService } from '../services/coaching-service.js';
import type { FollowUpService } from '../services/follow-up-service.js';
import type { DashboardService } from '../services/dashboard-service.js';
import type { GoalService } from '../services/goal-service.js';
import type { LearningLogService } from '../services/learning-log-service.js';
import type { LdSettingsService } from '../services/ld-settings-service.js';
import type { LrsAdminService } from '../services/lrs-admin-service.js';
import type { MyDataService } from '../services/my-data-service.js';
import type { NudgeService } from '../services/nudge-service.js';
import type { OneToOneService } from '../services/one-to-one-service.js';
import type { PeopleService } from '../services/people-service.js';
import type { RecommendationService } from '../services/recommendation-service.js';
import type { ReportService } from '../services/report-service.js';
import type { ShareLists } from '../services/share-lists.js';
import type { SharingService } from '../services/sharing-service.js';
import type { SharePromptService } from '../services/share-prompt-service.js';
import type { TeamExportService } from '../services/team-export-service.js';
import type { TeamService } from '../services/team-service.js';
import { adminRoutes } from './admin-routes.js';
import { callerIdentity, type IdentityMode } from './caller-identity.js';
import { meRoutes } from './me-routes.js';
import { oneToOneRoutes } from './one-to-one-routes.js';
import { teamsRoutes } from './teams-routes.js';

export interface ApiDeps {
  identity: IdentityMode;
  learningLog: LearningLogService;
  people: PeopleService;
  teams: TeamService;
  dashboards: DashboardService;
  checkIns: CheckInService;
  sharing: SharingService;
  shareLists: ShareLists;
  nudges: NudgeService;
  followUps: FollowUpService;
  goals: GoalService;
  reports: ReportService;
  coaching: CoachingService;
  recommendations: RecommendationService;
  myData: MyDataService;
  /** The organisation's Learning Record Store: settings, status and the history backfill. */
  lrs: LrsAdminService;
  /** What L&D asks of leaders, and the admins' people picker. */
  ldSettings: LdSettingsService;
  /** Local mode lists demo identities for the tab's picker; production never does. */
  localTenantIds?: string[];
  /** Local mode: an LRS may be a plain-http stand-in on this machine. */
  localMode?: boolean;
  /** Runs once the caller is known: the per-caller rate limit. */
  limitCaller?: RequestHandler;
  teamExports: TeamExportService;
  /** Follow-through on planned actions: the learner's figures, the leads' list and "Ask how it went". */
  followThrough: FollowThroughService;
  /** Leads' "Ask to share" and its figures. */
  sharePrompts: SharePromptService;
  /** The tenant's audit trail, for its L&D admins. */
  audit: AuditService;
  /** The 1:1 lists each lead keeps with each member of their team. */
  oneToOne: OneToOneService;
  /** For failures after a streamed download has begun, when no status can be sent any more. */
  logger?: Logger;
}

/** `/api/v1`: who is calling first, then one router per resource; the app answers anything else 404. */
export function apiRouter(deps: ApiDeps): Router {
  const router = Router();

  if (deps.localTenantIds) {
    const tenants = deps.localTenantIds;
    router.get('/local/identities', async (_req, res) => {
      const people = (await Promise.all(tenants.map((t) => deps.people.peopleInTenant(t)))).flat();
      res.json({
        identities: people.map((p) => ({ tenantId: p.tenantId, userId: p.userId, displayName: p.displayName })),
      });
    });
  }

  router.use(callerIdentity(deps.identity));
  if (deps.limitCaller) router.use(deps.limitCaller);

  router.use(meRoutes(deps), teamsRoutes(deps), adminRoutes(deps), oneToOneRoutes(deps));
  return router;
}

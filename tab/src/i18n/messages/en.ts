/**
 * Every string the tab shows, in English: the source the other languages translate. Keys are
 * grouped by where they appear; a plural message has `.one` and `.other` forms (and Arabic adds
 * `.zero`, `.two`, `.few`, `.many`). `{name}` placeholders are filled by `t(key, { name })`.
 */
export const en = {
  'app.documentTitle': '{page} – Learning Loop',
  'common.retry': 'Retry',
  'failure.withStatus': '{headline} (HTTP {status}): {detail}',
  'failure.plain': '{headline}: {detail}',

  'page.personal': 'My learning',
  'page.team': 'Team dashboard',
  'page.configure': 'Set up Learning Loop',
  'page.admin': 'Learning report',
  'page.memberEntries': 'A member’s learning',
  'page.personal.loading': 'Loading your learning…',
  'page.personal.failed': 'Couldn’t load your learning page. Check your connection and try again.',
  'page.team.loading': 'Loading the team dashboard…',
  'page.team.failed': 'Couldn’t load the team dashboard. Check your connection and try again.',
  'page.admin.loading': 'Loading the learning report…',
  'page.admin.failed': 'Couldn’t load the learning report. Check your connection and try again.',
  'page.memberEntries.loading': 'Loading the member’s entries…',
  'page.memberEntries.failed': 'Couldn’t load the member’s entries. Check your connection and try again.',

  'local.title': 'Local mode — demo identity, not signed in',
  'local.outsideTeams': 'Not running inside Microsoft Teams.',
  'local.teamsSilent': 'Microsoft Teams did not answer ({detail}).',
  'local.demoOnly': 'The service accepts demo identities only when it runs in local mode.',
  'local.identity': 'Demo identity',
  'local.loadingIdentities': 'Loading demo identities…',
  'local.loadIdentitiesFailed': "Couldn't load the demo identities",
  'local.noLocalMode': 'This service does not offer local mode, so there are no demo identities. Open Learning Loop in Microsoft Teams to see your learning.',
  'local.noPeople': 'There are no demo people yet. Start the service with npm start, which adds a demo team to an empty store.',

  'team.picker': 'Team',
  'team.pickerLead': '{name} (lead)',

  'configure.title': 'Add Learning Loop to this team',
  'configure.about': 'The tab shows the team’s learning: who checked in, minutes and kinds of learning, and who may need a follow-up.',
  'configure.inTeams': 'Select Save to add it.',
  'configure.outsideTeams': 'This page sets up the tab when you add Learning Loop to a channel or chat in Microsoft Teams. Open it from Teams to add the tab.',
  'configure.failed': "Couldn't prepare the tab for saving",
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;

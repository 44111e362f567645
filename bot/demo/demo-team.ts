/**
 * The demo organisation for local runs. The local Teams client's mock tenant
 * (.m365agentsplayground.yml) uses the same ids, so the person chatting with the bot there
 * is the same person the tab shows in local mode.
 */
export const DEMO_TENANT_ID = '7d2e5c1a-0b4f-4e8a-9c3d-6f1e2a3b4c5d';
export const DEMO_TEAM = { id: '19:learning-loop-demo@thread.tacv2', name: 'Product Design' } as const;

export interface DemoPerson {
  userId: string;
  teamsUserId: string;
  displayName: string;
  role: 'lead' | 'member';
  timeZone: string;
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    userId: 'a1000000-0000-4000-8000-000000000001',
    teamsUserId: '29:demo-alex',
    displayName: 'Alex Wilber',
    role: 'lead',
    timeZone: 'Europe/London',
  },
  {
    userId: 'a1000000-0000-4000-8000-000000000002',
    teamsUserId: '29:demo-megan',
    displayName: 'Megan Bowen',
    role: 'member',
    timeZone: 'America/New_York',
  },
  {
    userId: 'a1000000-0000-4000-8000-000000000003',
    teamsUserId: '29:demo-adele',
    displayName: 'Adele Vance',
    role: 'member',
    timeZone: 'Europe/Berlin',
  },
  {
    userId: 'a1000000-0000-4000-8000-000000000004',
    teamsUserId: '29:demo-isaiah',
    displayName: 'Isaiah Langer',
    role: 'member',
    timeZone: 'America/Los_Angeles',
  },
  {
    userId: 'a1000000-0000-4000-8000-000000000005',
    teamsUserId: '29:demo-patti',
    displayName: 'Patti Fernandez',
    role: 'member',
    timeZone: 'Asia/Kolkata',
  },
  {
    userId: 'a1000000-0000-4000-8000-000000000006',
    teamsUserId: '29:demo-lynne',
    displayName: 'Lynne Robbins',
    role: 'member',
    timeZone: 'Australia/Sydney',
  },
];

/** Patti is also the organisation's L&D admin in local runs (`npm start` names her in LD_ADMINS), so the report has a reader. */
export const DEMO_LD_ADMIN: DemoPerson = DEMO_PEOPLE[4]!;

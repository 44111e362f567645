import { describe, expect, it } from 'vitest';
import { startTestService } from '../testing/test-service.js';
import { DEMO_PEOPLE, DEMO_TEAM, DEMO_TENANT_ID } from './demo-team.js';
import { seedDemoData } from './seed-demo-data.js';

const lynne = DEMO_PEOPLE[5]!;

describe('the demo’s member who needs a follow-up (Azurite)', () => {
  // Starts in different weeks and at different hours, in winter and in summer: who else is
  // flagged moves with them.
  it.each(['2026-12-08T12:00:00Z', '2027-06-06T23:05:00Z', '2027-04-04T23:05:00Z', '2026-11-28T12:00:00Z'])(
    'shows Lynne as not having answered her last check-ins, on a demo started at %s',
    async (at) => {
      const now = new Date(at);
      const service = await startTestService({}, { clock: () => now });
      try {
        await seedDemoData({ ...service, now });
        const lead = { tenantId: DEMO_TENANT_ID, userId: DEMO_PEOPLE[0]!.userId };
        const { members } = await service.services.dashboards.dashboardFor(lead, DEMO_TEAM.id, 4);
        const row = members.find((m) => m.userId === lynne.userId);
        expect(row).toMatchObject({ needsFollowUp: true, followUpWhy: { kind: 'no-answer' } });
      } finally {
        await service.stop();
      }
    },
  );
});

import { describe, expect, it } from 'vitest';
import { freshTestStorage } from '../testing/test-storage.js';
import { AuditStore } from './audit-store.js';

describe('AuditStore (Azurite)', () => {
  it('lists the later of events recorded in one millisecond first, as it lists everything else', async () => {
    const { tables } = await freshTestStorage();
    const store = new AuditStore(tables.audit);
    const at = new Date('2026-12-06T10:00:00.000Z');
    for (let n = 0; n < 20; n++) {
      await store.add({ tenantId: 't', kind: 'export_downloaded', actor: { userId: 'alex' }, detail: { n } }, at);
    }
    const page = await store.page('t', {}, { limit: 50 });
    expect(page.events.map((e) => e.detail.n)).toEqual([...Array(20).keys()].reverse());
  });
});

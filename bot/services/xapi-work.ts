/** A queued request about one tenant's LRS: send what is due, or turn the history into statements first. */
export interface XapiWork {
  tenantId: string;
  kind: 'send' | 'backfill';
}

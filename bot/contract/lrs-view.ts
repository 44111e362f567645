/** What the L&D admins' LRS page is told: the settings without their secret, and how far the statements got. */

/** What an admin sees of the settings: whether a secret is set, never the secret. */
export interface LrsSettingsView {
  configured: boolean;
  endpoint: string | null;
  key: string | null;
  secretSet: boolean;
  updatedAt: string | null;
}

/** The one history backfill of a tenant, as far as it got. */
export interface BackfillMarker {
  status: 'running' | 'done';
  startedAt: string;
  finishedAt: string | null;
  /** Statements the history gave so far (those already in the outbox count too). */
  written: number;
}

/** How far the statements got: GET /admin/lrs/status. */
export interface LrsStatus {
  configured: boolean;
  sent: number;
  pending: number;
  failed: number;
  latestFailure: { statementId: string; verb: string; error: string; at: string } | null;
  backfill: BackfillMarker | null;
}

/** POST /admin/lrs/backfill: whether this call started it, and how it stands. */
export interface BackfillAnswer {
  started: boolean;
  backfill: BackfillMarker;
}

export type { LrsBackfillResponse, LrsSettingsResponse, LrsSettingsView, LrsStatusResponse } from '../../../bot/contract/api.js';

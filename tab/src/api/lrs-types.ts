export type { LrsBackfillResponse, LrsSettingsResponse, LrsSettingsView, LrsStatusResponse } from '../../../bot/http/api-contract.js';

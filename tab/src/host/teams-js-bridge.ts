// Imported only on demand (see teams-sdk.ts); naming just these parts lets the bundler drop the rest of teams-js.
export { app, authentication, pages } from '@microsoft/teams-js';

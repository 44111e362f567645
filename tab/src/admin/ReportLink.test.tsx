// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../api/api-client.js';
import { fakeApiClient } from '../testing/fake-api-client.js';
import { ADMIN_ME_ROUTE } from '../testing/report-fixtures.js';
import { renderInFluent, settle, unmountRendered } from '../testing/render-page.js';
import { ReportLink } from './ReportLink.js';

afterEach(unmountRendered);

async function render(answer: unknown) {
  const service = fakeApiClient({ [ADMIN_ME_ROUTE]: answer });
  const page = await renderInFluent(<ReportLink client={service.client} />);
  await settle(5);
  return page;
}

describe('the way into the learning report', () => {
  it('shows an L&D admin a link to the report that keeps the page’s query', async () => {
    window.history.replaceState(null, '', '/personal?user=patti&theme=dark');
    const link = (await render({ isAdmin: true })).querySelector('a');
    expect(link?.textContent).toBe('open the learning report across all teams');
    expect(link?.getAttribute('href')).toBe('/admin?user=patti&theme=dark');
  });

  it('shows nothing to anyone else, nor when the question fails', async () => {
    expect((await render({ isAdmin: false })).textContent).toBe('');
    unmountRendered();
    expect((await render(new ApiFailure(503, 'down'))).textContent).toBe('');
  });
});

describe('the way into the learning report, in Spanish', () => {
  it('words the sentence around the link in the admin’s language', async () => {
    const service = fakeApiClient({ [ADMIN_ME_ROUTE]: { isAdmin: true } });
    const page = await renderInFluent(<ReportLink client={service.client} />, { locale: 'es-ES' });
    await settle(5);
    expect(page.textContent).toBe('Como administrador de formación, puedes abrir el informe de aprendizaje de todos los equipos.');
    expect(page.querySelector('a')?.textContent).toBe('abrir el informe de aprendizaje de todos los equipos');
  });
});

// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApiClient } from '../testing/fake-api-client.js';
import { ADMIN_ME_ROUTE, REPORT_ROUTE, readyReport } from '../testing/report-fixtures.js';
import { eventually, renderInFluent, settle, unmountRendered } from '../testing/render-page.js';
import { AdminPage } from './AdminPage.js';

// The real chart needs layout jsdom does not do; what matters here is the scope it is handed, in words.
vi.mock('./ReportChart.js', () => ({
  default: ({ scope }: { scope: string }) => <div data-testid="report-chart">{scope}</div>,
}));

afterEach(unmountRendered);

async function open(
  locale: string,
  routes: Record<string, unknown> = { [ADMIN_ME_ROUTE]: { isAdmin: true }, [REPORT_ROUTE]: readyReport(12) },
) {
  const page = await renderInFluent(<AdminPage client={fakeApiClient(routes).client} locale={locale} />, { locale });
  await settle(5);
  await eventually(() => expect(page.querySelector('[data-testid="report-teams"], [data-testid="not-admin"]')).not.toBeNull());
  return page;
}

const text = (page: HTMLElement, testId: string) => page.querySelector(`[data-testid="${testId}"]`)?.textContent;
const cells = (page: HTMLElement, testId: string) =>
  [...page.querySelectorAll(`[data-testid="${testId}"] tbody tr`)].map((tr) => [...tr.children].map((c) => c.textContent));
const headers = (page: HTMLElement, testId: string) =>
  [...page.querySelectorAll(`[data-testid="${testId}"] thead th`)].map((th) => th.textContent);

describe('the learning report in the admin’s language', () => {
  it('reads in Spanish, with Spanish numbers, dates and percentages', async () => {
    const page = await open('es-ES');
    expect(page.querySelector('h1')?.textContent).toBe('Informe de aprendizaje');
    expect([...page.querySelectorAll('h2')].map((h) => h.textContent)).toEqual([
      'Tres niveles de responsabilidad',
      'Por equipo',
      'Responsables',
      'A lo largo del tiempo',
      'Ajustes de formación',
      'xAPI: Learning Record Store (LRS)',
      'Registro de auditoría',
    ]);
    expect(text(page, 'level-learners')).toContain('Tasa de respuesta40\u00a0%');
    expect(text(page, 'level-learners')).toContain('Objetivos en buen camino1 de 2');
    expect(headers(page, 'report-teams').slice(0, 3)).toEqual(['Equipo', 'Entradas', 'Minutos']);
    expect(cells(page, 'report-teams')[1]).toEqual([
      'Product Design',
      '3',
      '1 h',
      '3',
      '2',
      '67\u00a0%',
      '2',
      '2',
      '1',
      '1 de 1 vencidas (100\u00a0%)',
      '4 días',
      '1 de 2',
      expect.stringMatching(/^1 de \d \(\d+\u00a0%\)$/),
      '2 días',
      '',
    ]);
    expect(text(page, 'level-learners')).toContain('Cumplimiento1 de 1 vencidas (100\u00a0%)');
    expect(cells(page, 'report-teams')[0]).toContain('ninguno abierto');
    expect(cells(page, 'report-weeks').map((r) => [r[0], r[4]])).toEqual([
      ['16 nov', '33\u00a0%'],
      ['23 nov', '50\u00a0%'],
    ]);
    expect(page.querySelector('[data-testid="report-weeks"] caption')?.textContent).toBe('Por semana, todos los equipos');
    await eventually(() => expect(text(page, 'report-chart')).toBe('todos los equipos'));
    expect(page.querySelector('[data-testid="download-csv"]')?.textContent).toBe('Descargar CSV');
  });

  it('reads in Arabic, with Arabic digits', async () => {
    const page = await open('ar-EG');
    expect(page.querySelector('h1')?.textContent).toBe('تقرير التعلّم');
    expect(page.querySelector('[data-testid="report-levels"] h2')?.textContent).toBe('ثلاثة مستويات للمساءلة');
    expect(text(page, 'level-learners')).toContain('معدل الاستجابة٤٠٪');
    expect(text(page, 'level-learners')).toContain('١ من ٢');
    expect(headers(page, 'report-leads')).toEqual([
      'القائد',
      'الفريق',
      'المتابعات المطلوبة',
      'المنجز',
      'المعدل',
      'الوقت الوسيط حتى المتابعة',
      'تنبيهات مرسلة',
      'خلال ٧ أيام',
      'متأخرة الآن',
      'إنجاز الإجراءات لدى فريقه',
    ]);
    expect(
      cells(page, 'report-leads')
        .find((r) => r[0] === 'Alex')
        ?.at(-2),
    ).toBe('٢، متأخر');
    expect(text(page, 'report-behind-definition')).toContain('أكثر من ٧ أيام');
    expect(
      cells(page, 'report-leads')
        .find((r) => r[0] === 'Alex')
        ?.at(-1),
    ).toBe('١ من ١ مستحقة (١٠٠٪\u061c)');
    expect(text(page, 'report-follow-up-definition')).toBe(
      'تُعدّ المتابعة منجزة عندما يجيب المتعلّم عن التنبيه ويغلقها قائد، أو عندما يسجّل المتعلّم نتيجة.',
    );
    expect(cells(page, 'report-teams')[1]?.at(-2)).toBe('يومان');
    // Arabic writes a percentage with the Arabic letter mark after the sign, so it stays put right to left.
    expect(cells(page, 'report-weeks').map((r) => r[4])).toEqual(['٣٣٪\u061c', '٥٠٪\u061c']);
  });

  it('tells someone who is not an admin what the page is for, in Spanish', async () => {
    const page = await open('es-MX', { [ADMIN_ME_ROUTE]: { isAdmin: false } });
    expect(text(page, 'not-admin')).toContain('administradores de formación');
  });
});

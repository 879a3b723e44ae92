import { expect, it } from '@jest/globals';
import { bearer } from '../support/factories.js';
import { caseAction, registerCase } from '../support/http-helpers.js';
import { checkA11y, describeBrowser, screenshot, useConsole } from './support/harness.js';

/** 单位考评 in the console: the table as the API counts it, a unit's cases and evaluations, the form; a unit's own card; a leader without subjects. */
describeBrowser('the console: unit scorecard (单位考评)', () => {
  const c = useConsole();

  it('shows the units’ figures for a period, a unit’s cases, records an evaluation, and shows a unit only its own card', async () => {
    const secretary = await c.t.token('secretary');
    const gov = await c.t.token('unit-gov');
    const transferred = async (): Promise<string> => {
      const created = await registerCase<{ id: string }>(c.t, secretary);
      await caseAction(c.t, secretary, created.id, { action: 'accept' });
      await caseAction(c.t, secretary, created.id, { action: 'transfer' });
      return created.id;
    };
    // 2026-11-26: three cases to the city government; it signs and answers the first at once.
    const a = await transferred();
    const b = await transferred();
    await transferred();
    await caseAction(c.t, gov, a, { action: 'sign' });
    await caseAction(c.t, gov, a, { action: 'reply', reason: '已答复' });
    await caseAction(c.t, secretary, a, { action: 'feedback', feedback: 'satisfied' });
    const lacCase = await registerCase<{ id: string }>(c.t, secretary, { category: 'legislation' });
    await caseAction(c.t, secretary, lacCase.id, { action: 'accept' });
    await caseAction(c.t, secretary, lacCase.id, { action: 'route' });
    // A week later it signs the second late and is urged; the third is still not signed.
    c.t.clock.set('2026-12-03T02:00:00.000Z');
    await caseAction(c.t, gov, b, { action: 'sign' });
    await caseAction(c.t, secretary, b, { action: 'urge', note: '请加快办理' });

    const api = (await c.t.http.get('/reports/units?period=2026').set(bearer(secretary)).expect(200)).body;
    const govCard = api.units.find((u: { unitCode: string }) => u.unitCode === 'GOV');
    expect(govCard.figures).toMatchObject({ received: 3, signedOnTime: 1, signedLate: 1, unsignedOverdue: 1, repliedOnTime: 1, urgedManually: 1 });

    await c.login('secretary');
    // The office reaches it from 统计分析 (its menu keeps its entries); leaders and units from their menu.
    const nav = c.page.getByRole('navigation', { name: '主菜单' });
    await nav.getByRole('link', { name: '统计分析' }).click();
    await expect(nav.getByRole('link', { name: '单位考评' }).count()).resolves.toBe(0);
    await c.page.getByRole('link', { name: '单位考评' }).click();
    await c.page.getByRole('heading', { name: '单位考评', level: 1 }).waitFor();
    await c.page.getByRole('status').filter({ hasText: '统计区间：2026-01-01 至 2026-12-31' }).waitFor();
    const govRow = c.page.getByRole('row').filter({ has: c.page.getByRole('button', { name: '查看 市人民政府 的考评详情' }) });
    await expect(govRow.locator('td').allTextContents()).resolves.toEqual(['3', '1 / 1', '1', '1 / 0', '0', '0 / 0 / 0', '1 / 0', '0', '1 / 0', '33.3%', '100%', '100%', '']);
    await checkA11y(c.page, 'unit scorecard');

    // One unit: its cases with sign-for and answer as the API dates them.
    await c.page.getByRole('button', { name: '查看 市人民政府 的考评详情' }).click();
    await c.page.getByRole('heading', { name: '市人民政府：考评详情', level: 2 }).waitFor();
    const caseRows = c.page.getByRole('region', { name: '本期事项' }).locator('tbody tr');
    await expect(caseRows.count()).resolves.toBe(3);
    await expect(caseRows.locator('td:nth-child(5)').allTextContents()).resolves.toEqual(expect.arrayContaining(['按期签收', '逾期签收', '逾期未签收']));
    await c.page.getByText('尚无考评结果。').waitFor();
    await checkA11y(c.page, 'unit scorecard: a unit’s details');

    // A score outside its grade: the API's sentence, nothing stored.
    await c.page.getByLabel('考评期间', { exact: true }).last().selectOption('2026-Q4');
    await c.page.getByLabel('考评等次').selectOption('excellent');
    await c.page.getByLabel('得分（可不填）').fill('70');
    c.expectResponse({ method: 'PUT', path: /\/units\/[0-9a-f-]+\/evaluations\/2026-Q4$/, status: 422 });
    await c.page.getByRole('button', { name: '保存考评结果' }).click();
    await c.page.getByRole('alert').filter({ hasText: '得分 70 与考评等次不符' }).waitFor();
    await checkA11y(c.page, 'unit scorecard: a refused evaluation');

    await c.page.getByLabel('考评等次').selectOption('good');
    await c.page.getByLabel('得分（可不填）').fill('85');
    await c.page.getByLabel('说明（可不填）').fill('签收及时，个别事项答复逾期。');
    await c.page.getByRole('button', { name: '保存考评结果' }).click();
    await c.page.getByRole('status').filter({ hasText: '已保存 2026-Q4 的考评结果。' }).waitFor();
    const stored = (await c.t.http.get(`/units/${govCard.unitId}/evaluations/2026-Q4`).set(bearer(secretary)).expect(200)).body;
    expect(stored).toMatchObject({ grade: 'good', score: 85, evaluatedBy: '市信访局', remark: '签收及时，个别事项答复逾期。', recordedByName: '张秘书' });
    await c.page.getByText('2026年第四季度：良好（85分）').waitFor();

    // The quarter's table carries the evaluation.
    await c.page.getByLabel('考评期间', { exact: true }).first().selectOption('2026-Q4');
    await c.page.getByRole('status').filter({ hasText: '统计区间：2026-10-01 至 2026-12-31' }).waitFor();
    await expect(govRow.locator('td').last().textContent()).resolves.toBe('良好（85分）');
    await c.page.getByRole('heading', { name: '市人民政府：考评详情', level: 2 }).waitFor();
    await screenshot(c.page, 'unit-scorecard');
    await checkA11y(c.page, 'unit scorecard: the quarter with an evaluation');
    await c.expectNoErrors();

    // The city government's own account: its card only, opened, no form and no export.
    const unitPage = await c.newPage();
    await c.login('unit-gov', unitPage);
    await unitPage.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '单位考评' }).click();
    await unitPage.getByRole('heading', { name: '市人民政府：考评详情', level: 2 }).waitFor();
    await unitPage.getByLabel('考评期间', { exact: true }).selectOption('2026-Q4');
    await unitPage.getByRole('heading', { name: '市人民政府：考评详情', level: 2 }).waitFor();
    await expect(unitPage.getByRole('button', { name: /^查看 .* 的考评详情$/ }).count()).resolves.toBe(1);
    await expect(unitPage.getByRole('heading', { name: '录入考评结果' }).count()).resolves.toBe(0);
    await expect(unitPage.getByRole('button', { name: '导出考评表（CSV）' }).count()).resolves.toBe(0);
    await unitPage.getByText('2026年第四季度：良好（85分）').waitFor();
    await screenshot(unitPage, 'unit-scorecard-unit');
    await checkA11y(unitPage, 'unit scorecard: a unit’s own card');

    // A leader: the figures, no case subjects.
    const leaderPage = await c.newPage();
    await c.login('director', leaderPage);
    await leaderPage.goto(c.url(`/console/unit-scorecard?period=2026-Q4&unit=${govCard.unitId}`));
    await leaderPage.getByRole('heading', { name: '市人民政府：考评详情', level: 2 }).waitFor();
    await expect(leaderPage.getByRole('region', { name: '本期事项' }).locator('td.subject').allTextContents()).resolves.toEqual(['（不显示）', '（不显示）', '（不显示）']);
    await checkA11y(leaderPage, 'unit scorecard: a leader');
    await c.expectNoErrors();
  });
});

import { expect, it } from '@jest/globals';
import { bearer } from '../support/factories.js';
import { registerCase } from '../support/http-helpers.js';
import { checkA11y, describeBrowser, screenshot, useConsole } from './support/harness.js';

interface Registered {
  id: string;
  code: string;
  grade: string;
}

/**
 * Issue 13's proof of the rule editor: the admin raises the group threshold from 5 to 10 in the form
 * (no JSON typed), simulates and sees the 5–9 person cases move from 提级办理 to 普通, publishes with a
 * note (a new 8-person case is graded normal), rolls back with a note (the next one is escalated
 * again), and the versions page shows it all with the diff in words.
 */
describeBrowser('the console: rules (规则管理)', () => {
  const c = useConsole();

  it('raises the group threshold in the form, simulates, publishes, rolls back and shows the history', async () => {
    const secretary = await c.t.token('secretary');
    const admin = await c.t.token('admin');
    const small = await registerCase<Registered>(c.t, secretary, { headcount: 3 });
    const six = await registerCase<Registered>(c.t, secretary, { headcount: 6 });
    const eight = await registerCase<Registered>(c.t, secretary, { headcount: 8 });
    expect([small.grade, six.grade, eight.grade]).toEqual(['normal', 'escalated', 'escalated']);

    // 规则管理 → 新建草稿 (a copy of the set in force).
    await c.login('admin');
    await c.page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '规则管理' }).click();
    await c.page.getByRole('heading', { name: '规则集版本' }).waitFor();
    const created = c.page.waitForResponse((r) => new URL(r.url()).pathname === '/rules/sets' && r.request().method() === 'POST');
    await c.page.getByRole('button', { name: '新建草稿' }).click();
    expect((await created).status()).toBe(201);
    await c.page.getByRole('heading', { name: '规则集 第 2 版' }).waitFor();
    const draftId = new URL(c.page.url()).pathname.split('/').at(-1)!;

    // The threshold in the form: a number field labelled by the rule and its fact, with its unit.
    const threshold = c.page.getByLabel('集体访（5 人及以上）提级办理（信访人数≥）', { exact: true });
    await expect(threshold.inputValue()).resolves.toBe('5');
    await threshold.fill('10');
    await threshold.press('Tab');
    await c.page.getByText('有未保存的修改。').waitFor();
    const saved = c.page.waitForResponse((r) => new URL(r.url()).pathname === `/rules/sets/${draftId}` && r.request().method() === 'PUT');
    await c.page.getByRole('button', { name: '保存草稿' }).click();
    expect((await saved).status()).toBe(200);
    await c.page.getByText('已保存。').waitFor();
    const stored = await c.t.http.get(`/rules/sets/${draftId}`).set(bearer(admin)).expect(200);
    const group = (stored.body.rules as { name: string; conditions: { all: { value: unknown }[] } }[]).find((r) => r.name === 'escalate-group-petition');
    expect(group?.conditions.all[0].value).toBe(10);
    await screenshot(c.page, 'rules-editor');
    await checkA11y(c.page, 'rules: the draft in the form');

    // The JSON tab (loaded on demand): the same draft in CodeMirror with the rule-set schema, labelled.
    const schemaLoaded = c.page.waitForResponse((r) => new URL(r.url()).pathname === '/rules/schema');
    await c.page.getByRole('tab', { name: 'JSON' }).click();
    expect((await schemaLoaded).status()).toBe(200);
    const editor = c.page.getByRole('textbox', { name: '规则集 JSON' });
    await editor.waitFor();
    await expect(editor.textContent()).resolves.toContain('"note": "以第 1 版为基础的草稿"');
    await checkA11y(c.page, 'rules: the JSON tab');

    // 试运行: a job; the relay runs it; the matrix shows the 5–9 person cases moving to 普通.
    await c.page.getByRole('tab', { name: '试运行' }).click();
    const started = c.page.waitForResponse((r) => new URL(r.url()).pathname === `/rules/sets/${draftId}/simulations` && r.request().method() === 'POST');
    await c.page.getByRole('button', { name: '开始试运行' }).click();
    expect((await started).status()).toBe(202);
    await c.t.relay.drain();
    const moved = c.page.getByRole('button', { name: '提级办理 → 普通：2 件' });
    await moved.waitFor();
    await expect(c.page.getByRole('progressbar', { name: '试运行进度' }).getAttribute('aria-valuenow')).resolves.toBe('100');
    await moved.click();
    const cases = c.page.getByRole('region', { name: '提级办理 → 普通 的事项（2 件）' });
    await cases.waitFor();
    await expect(cases.getByRole('link').allTextContents()).resolves.toEqual(expect.arrayContaining([six.code, eight.code]));
    await expect(cases.getByRole('link').count()).resolves.toBe(2);
    await screenshot(c.page, 'rules-simulation');
    await checkA11y(c.page, 'rules: the simulation');

    // 发布 with a note: the dialog shows the simulation's summary.
    await c.page.getByRole('button', { name: '发布', exact: true }).click();
    const publishDialog = c.page.getByRole('dialog', { name: '发布第 2 版' });
    await publishDialog.waitFor();
    await publishDialog.getByText(/最近一次试运行：共评估 3 件，2 件结果变化/).waitFor();
    await checkA11y(c.page, 'rules: the publish dialog');
    await publishDialog.getByLabel('发布说明').fill('集体访门槛调整为 10 人');
    const published = c.page.waitForResponse((r) => new URL(r.url()).pathname === `/rules/sets/${draftId}/publish`);
    await publishDialog.getByRole('button', { name: '确认发布' }).click();
    expect((await published).status()).toBe(200);
    await c.page.getByText('已发布：第 2 版现在生效。').waitFor();
    await c.t.relay.drain();
    await c.page.getByText(/重新定级进度/).waitFor();
    await c.page.getByText(/已完成：已处理 \d+\/\d+ 件/).waitFor();

    const afterPublish = await registerCase<Registered>(c.t, secretary, { headcount: 8 });
    expect(afterPublish.grade).toBe('normal');

    // 回滚 on the versions page, with a note.
    await c.page.getByRole('link', { name: '返回版本列表' }).click();
    await c.page.getByRole('heading', { name: '规则集版本' }).waitFor();
    await c.page.getByRole('button', { name: '回滚 第 2 版' }).click();
    const rollbackDialog = c.page.getByRole('dialog', { name: '回滚规则集' });
    await rollbackDialog.waitFor();
    await rollbackDialog.getByLabel('回滚说明').fill('门槛调整暂缓，恢复 5 人');
    const rolledBack = c.page.waitForResponse((r) => new URL(r.url()).pathname === `/rules/sets/${draftId}/rollback`);
    await rollbackDialog.getByRole('button', { name: '确认回滚' }).click();
    expect((await rolledBack).status()).toBe(200);
    await c.page.getByText('已回滚：第 1 版现在生效。').waitFor();
    await c.t.relay.drain();

    const afterRollback = await registerCase<Registered>(c.t, secretary, { headcount: 8 });
    expect(afterRollback.grade).toBe('escalated');

    // The versions page: both versions, the publication and the rollback with their notes.
    await c.page.reload();
    const history = c.page.locator('section', { has: c.page.getByRole('heading', { name: '发布与回滚记录' }) });
    const rollbackRow = history.locator('tr[data-action="rollback"]');
    await rollbackRow.getByText('门槛调整暂缓，恢复 5 人').waitFor();
    await expect(rollbackRow.getByText('第 1 版', { exact: true }).count()).resolves.toBe(1);
    await history.locator('tr[data-action="publish"]', { hasText: '集体访门槛调整为 10 人' }).waitFor();
    // v1's first publication (system, at installation), v2's publication, the rollback.
    await expect(history.locator('tr[data-action]').count()).resolves.toBe(3);
    await history.getByText(/已完成：已处理/).first().waitFor();
    const versionsTable = c.page.locator('section', { has: c.page.getByRole('heading', { name: '规则集版本' }) });
    await versionsTable.locator('tr[data-version="1"]').getByText('生效中').waitFor();
    await versionsTable.locator('tr[data-version="2"]').getByText('已归档').waitFor();
    await screenshot(c.page, 'rules-versions');
    await checkA11y(c.page, 'rules: the versions');

    // 比较: tick both versions; the diff in words and the JSON side by side.
    await c.page.getByLabel('选择第 1 版用于比较').check();
    await c.page.getByLabel('选择第 2 版用于比较').check();
    await c.page.getByRole('button', { name: '比较' }).click();
    await c.page.getByRole('heading', { name: '规则集 第 2 版' }).waitFor();
    await c.page.getByText(/5人 → 10人/).waitFor();
    await c.page.getByRole('columnheader', { name: '第 1 版' }).waitFor();
    await screenshot(c.page, 'rules-diff');
    await checkA11y(c.page, 'rules: the diff');
    await c.expectNoErrors();
  });

  it('shows the validator’s problems at the rule they point at, and in a list', async () => {
    const admin = await c.t.token('admin');
    const active = (await c.t.http.get('/rules/active').set(bearer(admin)).expect(200)).body as { version: number; precedence: string[]; rules: unknown[] };
    const draft = (await c.t.http.post('/rules/sets').set(bearer(admin)).send({ note: '代表工作改由法工委跟踪', precedence: active.precedence, rules: active.rules, basedOn: active.version }).expect(201)).body as { id: string };
    // The directory changes after the draft was written: its 代表工作 route names a unit no longer active.
    const units = (await c.t.http.get('/units').set(bearer(admin)).expect(200)).body as { id: string; code: string }[];
    const dac = units.find((u) => u.code === 'DAC')!;
    await c.t.http.patch(`/units/${dac.id}`).set(bearer(admin)).send({ active: false }).expect(200);

    await c.login('admin');
    await c.page.goto(c.url(`/console/rules/sets/${draft.id}`));
    await c.page.getByRole('heading', { name: /^规则集 第 \d+ 版$/ }).waitFor();
    await c.page.getByRole('button', { name: '校验' }).click();
    const list = c.page.getByRole('alert').filter({ hasText: /规则集有 \d+ 处错误/ });
    await list.getByText(/rules\[\d+\]\.event\.params\.committee：未知的单位代码“DAC”/).waitFor();
    const row = c.page.locator('tr[data-rule="route-deputy-work"]');
    await row.getByText('未知的单位代码“DAC”').first().waitFor();
    await checkA11y(c.page, 'rules: problems at their rule');

    // Fixed in the form: the row's selects, then saved and validated again.
    await c.page.getByLabel('代表工作：跟踪委员会').selectOption('LAC');
    await c.page.getByLabel('代表工作：承办单位').selectOption('LAC');
    const saved = c.page.waitForResponse((r) => new URL(r.url()).pathname === `/rules/sets/${draft.id}` && r.request().method() === 'PUT');
    await c.page.getByRole('button', { name: '保存草稿' }).click();
    expect((await saved).status()).toBe(200);
    await c.page.getByRole('button', { name: '校验' }).click();
    await c.page.getByText('校验通过，没有发现错误。').waitFor();
    await expect(row.getByText(/未知的单位代码/).count()).resolves.toBe(0);
    await c.expectNoErrors();
  });
});

import { expect, it } from '@jest/globals';
import { bearer } from '../support/factories.js';
import { LEDGER_HEADERS, ledgerXlsx, sampleLedger } from '../support/ledger-files.js';
import { checkA11y, describeBrowser, screenshot, useConsole } from './support/harness.js';

/** 台账导入 in the console: upload, a header mapped by hand, the dry run's rows with the API's reasons, the import, the history. */
describeBrowser('the console: ledger import (台账导入)', () => {
  const c = useConsole();

  it('maps an office header, shows the dry run as the API reports it, imports, and lists the import', async () => {
    // 60 lines of the sample: rows 21, 41 and 61 are bad; the office calls 登记日期 "来件时间".
    const headers = LEDGER_HEADERS.map((h) => (h === '登记日期' ? '来件时间' : h));
    const file = await ledgerXlsx(sampleLedger(1000).lines.slice(0, 60), headers);

    await c.login('secretary');
    await c.page.getByRole('link', { name: '台账导入' }).click();
    await c.page.getByRole('heading', { name: '台账导入', level: 1 }).waitFor();
    await c.page.getByText('暂无导入记录。').waitFor();
    await checkA11y(c.page, 'ledger import: empty');

    await c.page.getByLabel('台账文件').setInputFiles({ name: '2026年信访台账.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    await c.page.getByRole('button', { name: '上传' }).click();
    await c.page.getByRole('status').filter({ hasText: '2026年信访台账.xlsx：60 行，XLSX' }).waitFor();
    // The API suggested every column but the renamed one.
    await expect(c.page.getByLabel('登记日期').inputValue()).resolves.toBe('');
    await expect(c.page.getByLabel('信访人').inputValue()).resolves.toBe('信访人');
    await c.page.getByRole('status').filter({ hasText: '尚未对应的必填字段：登记日期' }).waitFor();
    await c.page.getByLabel('登记日期').selectOption('来件时间');
    await expect(c.page.getByText('尚未对应的必填字段').count()).resolves.toBe(0);
    await checkA11y(c.page, 'ledger import: mapping');
    await screenshot(c.page, 'ledger-import-mapping');

    const dry = c.page.waitForResponse((r) => /\/ledger-imports\/[0-9a-f-]+\/dry-run$/.test(new URL(r.url()).pathname));
    await c.page.getByRole('button', { name: '试导入' }).click();
    const report = (await (await dry).json()) as { counts: Record<string, number>; rows: { rowNumber: number; outcome: string; problems: { message: string }[] }[] };
    expect(report.counts).toEqual({ total: 60, create: 57, invalid: 3, duplicate: 0, repeats: 0 });
    const counts = c.page.getByRole('region', { name: '逐行结果' }).locator('dl');
    await expect(counts.locator('dd').allTextContents()).resolves.toEqual(['60', '57', '3', '0', '0']);
    const invalid = report.rows.filter((r) => r.outcome === 'invalid');
    const rows = c.page.getByRole('region', { name: '逐行结果' }).locator('tbody tr');
    await expect(rows.locator('td:first-child').allTextContents()).resolves.toEqual(invalid.map((r) => String(r.rowNumber)));
    await expect(rows.locator('td:nth-child(3)').allTextContents()).resolves.toEqual(['2026信字第00020号', '2026信字第00040号', '2026信字第00060号']);
    await expect(rows.locator('td:nth-child(4)').allTextContents()).resolves.toEqual(invalid.map((r) => r.problems.map((p) => p.message).join('')));
    await checkA11y(c.page, 'ledger import: dry run');
    await screenshot(c.page, 'ledger-import-report');

    await expect(c.page.getByRole('region', { name: '导入记录' }).locator('tbody tr').first().locator('td').nth(4).textContent()).resolves.toBe('已试导入');
    await c.page.getByLabel('显示').selectOption('duplicate');
    await c.page.getByText('没有需要关注的行。').waitFor();

    c.page.once('dialog', (d) => void d.accept());
    await c.page.getByRole('button', { name: '正式导入' }).click();
    await c.page.getByRole('status').filter({ hasText: '已导入：新建 57 件。' }).waitFor();
    const history = (await c.t.http.get('/ledger-imports').set(bearer(await c.t.token('secretary'))).expect(200)).body as { fileName: string; createdCount: number; status: string }[];
    expect(history[0]).toMatchObject({ fileName: '2026年信访台账.xlsx', createdCount: 57, status: 'committed' });
    const historyRow = c.page.getByRole('region', { name: '导入记录' }).locator('tbody tr').first();
    await expect(historyRow.locator('td').nth(4).textContent()).resolves.toBe('已导入');
    await expect(historyRow.locator('td').nth(5).textContent()).resolves.toBe('57');
    await checkA11y(c.page, 'ledger import: imported');
    await c.expectNoErrors();
  });
});

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, it } from '@jest/globals';
import { fakeExe, pdfWithText } from '../support/attachment-files.js';
import { checkA11y, describeBrowser, screenshot, useConsole } from './support/harness.js';

/** Issue 15 §3 in the console: the secretariat uploads a scanned letter on the case page and downloads it again. */
describeBrowser('the console: attachments on the case page', () => {
  const c = useConsole();
  const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

  it('uploads a PDF with its kind, lists it with size, uploader and date, downloads the same bytes, and shows a refused type in words', async () => {
    const token = await c.t.token('secretary');
    const created = await c.t.http
      .post('/cases')
      .set('Authorization', `Bearer ${token}`)
      .send({ channel: 'letter', receivedAt: '2026-11-25T09:30:00+08:00', petitioner: { name: '赵小兰' }, headcount: 1, subject: '小区供暖不热', content: '入冬以来室温不足十五度，多次反映无果。', category: 'urban-construction', region: '茅箭区' })
      .expect(201);
    const { id, code } = created.body as { id: string; code: string };
    await c.login('secretary');
    await c.page.goto(c.url(`/console/cases/${id}`));
    await c.page.getByRole('heading', { name: `信访事项 ${code}` }).waitFor();
    const panel = c.page.getByRole('region', { name: '附件' });
    await panel.getByText('本案件还没有附件。').waitFor();
    await checkA11y(c.page, 'case-attachments-empty');

    const pdf = pdfWithText('Scanned letter 2026');
    await panel.getByLabel('附件类别').click();
    await c.page.getByRole('option', { name: '来信扫描件' }).click();
    await panel.locator('input[type=file]').setInputFiles({ name: '来信扫描件.pdf', mimeType: 'application/pdf', buffer: pdf });
    await panel.getByRole('button', { name: '上传', exact: true }).click();
    const row = panel.getByRole('row', { name: /来信扫描件\.pdf/ });
    await row.waitFor();
    await expect(row.textContent()).resolves.toBe(`来信扫描件.pdf来信扫描件 仅信访室${pdf.length} B张秘书2026-11-26 10:00下载`);
    const listed = await c.t.http.get(`/cases/${id}/attachments`).set('Authorization', `Bearer ${token}`).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ fileName: '来信扫描件.pdf', kind: 'petition-scan', sha256: sha(pdf), officeOnly: true })]);

    const [download] = await Promise.all([c.page.waitForEvent('download'), row.getByRole('button', { name: '下载 来信扫描件.pdf' }).click()]);
    expect(download.suggestedFilename()).toBe('来信扫描件.pdf');
    expect(sha(readFileSync(await download.path()))).toBe(sha(pdf));

    // An executable named .pdf: the API's refusal, in its words, next to the form.
    c.expectResponse({ status: 415, path: `/cases/${id}/attachments`, method: 'POST' });
    await panel.getByLabel('附件类别').click();
    await c.page.getByRole('option', { name: '其他' }).click();
    await panel.locator('input[type=file]').setInputFiles({ name: '报告.pdf', mimeType: 'application/pdf', buffer: fakeExe() });
    await panel.getByRole('button', { name: '上传', exact: true }).click();
    await expect(panel.getByRole('alert').textContent()).resolves.toContain('Windows 可执行程序');
    await c.page.locator('.el-message--success').waitFor({ state: 'hidden' });
    await screenshot(c.page, 'case-attachments');
    await checkA11y(c.page, 'case-attachments');
    await c.expectNoErrors();
  });
});

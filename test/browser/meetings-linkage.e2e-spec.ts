import { expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { ReplyLinks } from '../../src/meetings/replies/reply-links.js';
import { bearer } from '../support/factories.js';
import { registerCase } from '../support/http-helpers.js';
import { checkA11y, describeBrowser, screenshot, useConsole } from './support/harness.js';

interface Attendee {
  attendeeId: string;
  kind: string;
  id: string;
  name: string;
  partstat: string;
  substitute: { name: string; post: string | null } | null;
}
interface MeetingBody {
  id: string;
  title: string;
  endAt: string;
  status: string;
  attendees: Attendee[];
  replyWarnings: { code: string; caseId: string | null }[];
  room: { id: string; name: string } | null;
  minutes: { status: string; number: string | null; summary: string | null; attendance: { attendeeId: string; present: boolean; substituteName: string | null }[] } | null;
  allowedActions: string[];
}

/** The meeting panel is as tall as the window: a taller window shows it whole (the file keeps its 1366 name). */
const TALL = { width: 1366, height: 1000 };

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Issue 14's console: the meeting panel with its room and replies, a leader's reply, the public reply link,
 * the minutes, the reception rota. Each journey acts as a person does and checks what the page shows and
 * what the API then holds; axe on every state; the screenshots of docs/console-meetings.md.
 */
describeBrowser('the console: rooms, replies, minutes and reception days', () => {
  const c = useConsole();
  const leader = (key: string): string => c.t.leaders.get(key) as string;
  const meetingOf = async (id: string): Promise<MeetingBody> => (await c.t.http.get(`/meetings/${id}`).set(bearer(await c.t.token('secretary'))).expect(200)).body as MeetingBody;

  /** A confirmed supervision meeting on that day 09:00–11:00 in 常委会第三会议室, chaired by the director, deputy-1 in charge of its case. */
  async function confirmedMeeting(title: string, day: string): Promise<{ meeting: MeetingBody; caseId: string; caseCode: string }> {
    const secretary = await c.t.token('secretary');
    const rooms = (await c.t.http.get('/directory/rooms').set(bearer(secretary)).expect(200)).body as { id: string; name: string }[];
    const room = rooms.find((r) => r.name === '常委会第三会议室');
    expect(room).toBeDefined();
    const item = await registerCase<{ id: string; code: string }>(c.t, secretary, { provincialReferral: true, category: 'urban-construction', region: '茅箭区' });
    const created = await c.t.http
      .post('/meetings')
      .set(bearer(secretary))
      .send({
        type: 'supervision',
        title,
        startAt: `${day}T09:00:00+08:00`,
        endAt: `${day}T11:00:00+08:00`,
        chairId: leader('director'),
        roomId: room?.id,
        agenda: [{ caseId: item.id, leadLeaderId: leader('deputy-1'), minutes: 30 }],
        units: ['UCEC'],
      })
      .expect(201);
    const confirmed = await c.t.http.post(`/meetings/${created.body.id as string}/confirm`).set(bearer(secretary)).expect(200);
    return { meeting: confirmed.body as MeetingBody, caseId: item.id, caseCode: item.code };
  }

  async function openDrawer(page: Page, title: string): Promise<ReturnType<Page['getByRole']>> {
    await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '会议规划' }).click();
    await page.getByRole('heading', { name: '会议规划' }).waitFor();
    await page.getByRole('button', { name: new RegExp(`^${escape(title)}`) }).first().click();
    const panel = page.getByRole('dialog', { name: title });
    await panel.waitFor();
    return panel;
  }

  it('a leader declines in the console; the secretariat sees the room, the replies and the warning, looks at the alternatives and enters a reply by phone', async () => {
    const { meeting, caseCode } = await confirmedMeeting('督办会（回执测试）', '2026-12-01');

    // deputy-1 (王副主任, in charge of the case) declines on his meeting card.
    await c.login('deputy1');
    const card = c.page.getByRole('article', { name: '督办会（回执测试）' });
    await card.waitFor();
    const mine = card.getByRole('region', { name: /我的回执/ });
    await expect(mine.getByText('未回复').isVisible()).resolves.toBe(true);
    await mine.getByLabel('拒绝').check();
    await mine.getByLabel('备注（选填）').fill('当天另有调研安排');
    const replied = c.page.waitForResponse((r) => new URL(r.url()).pathname === `/meetings/${meeting.id}/reply`);
    await mine.getByRole('button', { name: '提交回执' }).click();
    expect((await replied).status()).toBe(200);
    await mine.getByText('已拒绝').first().waitFor();
    await checkA11y(c.page, 'leader: reply given');
    const afterDecline = await meetingOf(meeting.id);
    const deputy1 = afterDecline.attendees.find((a) => a.kind === 'leader' && a.id === leader('deputy-1'));
    expect(deputy1?.partstat).toBe('DECLINED');
    expect(afterDecline.replyWarnings.map((w) => w.code)).toEqual(['LEAD_DECLINED']);

    // The secretary opens the meeting on the planning board.
    const office = await c.newPage();
    await c.login('secretary', office);
    const panel = await openDrawer(office, '督办会（回执测试）');
    await panel.getByText('常委会第三会议室').first().waitFor();
    await expect(panel.getByText('40 人').isVisible()).resolves.toBe(true);
    await expect(panel.getByText(/投影仪/).isVisible()).resolves.toBe(true);
    await screenshot(office, 'meeting-room', TALL);
    await checkA11y(office, 'meeting panel: room and replies');

    const warning = panel.getByRole('alert').filter({ hasText: '回执提醒' });
    await expect(warning.isVisible()).resolves.toBe(true);
    await expect(warning.textContent()).resolves.toContain(caseCode);
    await warning.getByRole('button', { name: '查看替代方案' }).click();
    await warning.getByText('可替代的包案领导').waitFor();
    await warning.getByText('可改期的时间').waitFor();
    const offered = await c.t.http
      .get(`/meetings/${meeting.id}/alternatives`)
      .query({ caseId: afterDecline.replyWarnings[0]?.caseId ?? '' })
      .set(bearer(await c.t.token('secretary')))
      .expect(200);
    const substitutes = offered.body.substitutes as { name: string }[];
    if (substitutes[0]) await expect(warning.getByRole('button', { name: `改由${substitutes[0].name}包案` }).isVisible()).resolves.toBe(true);
    else await expect(warning.getByText('没有空闲的合适领导。').isVisible()).resolves.toBe(true);
    await checkA11y(office, 'meeting panel: alternatives');

    // The unit phoned in: 派员参加.
    const unit = afterDecline.attendees.find((a) => a.kind === 'unit');
    expect(unit).toBeDefined();
    await panel.getByRole('button', { name: `录入回执：${unit?.name ?? ''}` }).click();
    const dialog = office.getByRole('dialog', { name: `录入回执：${unit?.name ?? ''}` });
    await dialog.waitFor();
    await dialog.getByLabel('派员参加').check();
    await dialog.getByLabel('参会人姓名').fill('刘平');
    await dialog.getByLabel('参会人职务').fill('市城建委副主任');
    await checkA11y(office, 'enter a reply');
    const recorded = office.waitForResponse((r) => new URL(r.url()).pathname === `/meetings/${meeting.id}/attendees/${unit?.attendeeId ?? ''}/reply`);
    await dialog.getByRole('button', { name: '提交回执' }).click();
    expect((await recorded).status()).toBe(200);
    await panel.getByText('派员参加：刘平 市城建委副主任').waitFor();
    const afterPhone = (await meetingOf(meeting.id)).attendees.find((a) => a.attendeeId === unit?.attendeeId);
    expect(afterPhone).toMatchObject({ partstat: 'DELEGATED', substitute: { name: '刘平', post: '市城建委副主任' } });
    await expect(panel.getByText('已拒绝').first().isVisible()).resolves.toBe(true);
    await screenshot(office, 'meeting-replies', TALL);
    await c.expectNoErrors();
  });

  it('the reply link opens without a login, records an answer, and says when a link is not valid', async () => {
    const { meeting } = await confirmedMeeting('督办会（链接测试）', '2026-12-02');
    const director = meeting.attendees.find((a) => a.kind === 'leader' && a.id === leader('director'));
    expect(director).toBeDefined();
    const token = c.t.app.get(ReplyLinks, { strict: false }).tokenFor(director?.attendeeId ?? '', meeting.id, new Date(meeting.endAt));

    await c.page.goto(c.url(`/console/reply/${token}`));
    await c.page.getByRole('heading', { name: '督办会（链接测试）' }).waitFor();
    await expect(c.page.getByRole('navigation', { name: '主菜单' }).count()).resolves.toBe(0);
    await expect(c.page.getByText('常委会第三会议室').isVisible()).resolves.toBe(true);
    await expect(c.page.getByText('未回复').isVisible()).resolves.toBe(true);
    await checkA11y(c.page, 'reply link');
    await c.page.getByLabel('派员参加').check();
    await c.page.getByLabel('参会人姓名').fill('周敏');
    await c.page.getByLabel('参会人职务').fill('办公室副主任');
    const sent = c.page.waitForResponse((r) => new URL(r.url()).pathname === `/replies/${token}` && r.request().method() === 'POST');
    await c.page.getByRole('button', { name: '提交回执' }).click();
    expect((await sent).status()).toBe(200);
    await c.page.getByText('谢谢，回执已收到：派员参加：周敏 办公室副主任。').waitFor();
    await screenshot(c.page, 'reply-link');
    await checkA11y(c.page, 'reply link: answered');
    const after = (await meetingOf(meeting.id)).attendees.find((a) => a.attendeeId === director?.attendeeId);
    expect(after).toMatchObject({ partstat: 'DELEGATED', substitute: { name: '周敏', post: '办公室副主任' } });

    const bad = `${token.slice(0, -4)}AAAA`;
    c.expectResponse({ status: 404, path: `/replies/${bad}` });
    const refused = c.page.waitForResponse((r) => new URL(r.url()).pathname === `/replies/${bad}`);
    await c.page.goto(c.url(`/console/reply/${bad}`));
    const answer = await refused;
    expect(answer.status()).toBe(404);
    const message = ((await answer.json()) as { message: string }).message;
    await c.page.getByRole('heading', { name: '无法打开回执' }).waitFor();
    await expect(c.page.getByRole('alert').textContent()).resolves.toContain(message);
    await checkA11y(c.page, 'reply link: invalid');
    await c.expectNoErrors();
  });

  it('records attendance and the minutes after the start, issues them, and shows them read-only to the attending leader', async () => {
    const { meeting, caseId } = await confirmedMeeting('督办会（纪要测试）', '2026-12-03');
    c.t.clock.set('2026-12-03T02:00:00.000Z'); // 10:00 in the office zone: under way
    try {
      await c.login('secretary');
      await c.page.goto(c.url(`/console/meetings/${meeting.id}/minutes`));
      await c.page.getByRole('heading', { name: '会议纪要：督办会（纪要测试）' }).waitFor();
      const unit = meeting.attendees.find((a) => a.kind === 'unit');
      await c.page.getByLabel(`${unit?.name ?? ''} 出席`).uncheck();
      await c.page.getByLabel(`${unit?.name ?? ''} 的代替出席人`, { exact: true }).fill('刘平');
      await c.page.getByLabel('会议概况').fill('会议听取了市城建委关于老旧小区改造进度的汇报。');
      await c.page.getByLabel('其他要求').fill('请市城建委两周内报送整改方案。');
      const saved = c.page.waitForResponse((r) => new URL(r.url()).pathname === `/meetings/${meeting.id}/minutes` && r.request().method() === 'PUT');
      await c.page.getByRole('button', { name: '保存草稿' }).click();
      expect((await saved).status()).toBe(200);
      await c.page.getByText('纪要草稿已保存。').waitFor();
      const draft = (await meetingOf(meeting.id)).minutes;
      expect(draft?.status).toBe('draft');
      expect(draft?.summary).toBe('会议听取了市城建委关于老旧小区改造进度的汇报。');
      expect(draft?.attendance.find((a) => a.attendeeId === unit?.attendeeId)).toMatchObject({ present: false, substituteName: '刘平' });

      // Before a decision the case may be left 未作决定; once decided it is no longer offered.
      await c.page.getByRole('heading', { name: '未作决定的议题' }).waitFor();
      await c.page.getByLabel('议题').selectOption(caseId);
      await c.page.getByLabel('决定事项').fill('责成市城建委限期整改。');
      await c.page.getByRole('button', { name: '记录决定' }).click();
      await c.page.getByText('已记录会议决定。').waitFor();
      await expect(c.page.getByRole('heading', { name: '未作决定的议题' }).count()).resolves.toBe(0);
      await checkA11y(c.page, 'minutes: draft');

      await c.page.getByRole('button', { name: '印发纪要' }).click();
      const box = c.page.getByRole('dialog', { name: '印发会议纪要' });
      await box.waitFor();
      await checkA11y(c.page, 'minutes: issue dialog');
      const issued = c.page.waitForResponse((r) => new URL(r.url()).pathname === `/meetings/${meeting.id}/minutes/issue`);
      await box.getByRole('button', { name: '印发纪要' }).click();
      expect((await issued).status()).toBe(200);
      const final = await meetingOf(meeting.id);
      expect(final.minutes?.status).toBe('issued');
      expect(final.minutes?.number).toMatch(/^〔2026〕\d+号$/);
      expect(final.status).toBe('held');
      await c.page.getByText(final.minutes?.number ?? '?').first().waitFor();
      await c.page.getByText('纪要已印发，以下为正式内容。').waitFor();
      await expect(c.page.getByRole('button', { name: '保存草稿' }).count()).resolves.toBe(0);
      await c.page.getByRole('button', { name: '发送给参会人员' }).waitFor();
      await screenshot(c.page, 'meeting-minutes');
      await checkA11y(c.page, 'minutes: issued');

      const leaderPage = await c.newPage();
      await c.login('director', leaderPage);
      await leaderPage.goto(c.url(`/console/meetings/${meeting.id}/minutes`));
      await leaderPage.getByText('纪要已印发，以下为正式内容。').waitFor();
      await expect(leaderPage.getByText('请市城建委两周内报送整改方案。').isVisible()).resolves.toBe(true);
      await expect(leaderPage.getByRole('button', { name: '印发纪要' }).count()).resolves.toBe(0);
      await expect(leaderPage.getByRole('button', { name: '保存草稿' }).count()).resolves.toBe(0);
      await checkA11y(leaderPage, 'minutes: read by the leader');
      await c.expectNoErrors();
    } finally {
      c.t.clock.set('2026-11-26T02:00:00.000Z');
    }
  });

  it('plans the reception days of next month, shows them as a list and a calendar, and confirms one', async () => {
    await c.login('secretary');
    await c.page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '接访日' }).click();
    await c.page.getByRole('heading', { name: '领导接访日', level: 1 }).waitFor();
    await expect(c.page.getByLabel('月份').inputValue()).resolves.toBe('2026-11');
    await c.page.getByLabel('月份').selectOption({ label: '2026年12月' });
    // The month's days in the reception room, which is open afternoons only.
    await c.page.getByLabel('接待室').selectOption({ label: '信访接待室' });
    const planned = c.page.waitForResponse((r) => new URL(r.url()).pathname === '/reception-days/plan');
    await c.page.getByRole('button', { name: '生成本月接访安排' }).click();
    const plan = (await (await planned).json()) as { days: { id: string; leaderId: string; leaderName: string; localDate: string; halfDay: string; room: { name: string } | null }[] };
    expect(plan.days.length).toBeGreaterThan(0);
    expect(plan.days.map((d) => [d.halfDay, d.room?.name])).toEqual(plan.days.map(() => ['pm', '信访接待室']));
    // A day of a leader who has a test account (he or she then looks at the rota too).
    const accountOf = (leaderId: string) => (['director', 'deputy1', 'deputy2'] as const).find((u) => leader(u === 'director' ? 'director' : u === 'deputy1' ? 'deputy-1' : 'deputy-2') === leaderId);
    const first = plan.days.find((d) => accountOf(d.leaderId) !== undefined);
    if (!first) throw new Error(`no planned day of director, deputy-1 or deputy-2: ${plan.days.map((d) => d.leaderName).join(', ')}`);
    const leaderUser = accountOf(first.leaderId) as 'director' | 'deputy1' | 'deputy2';
    const row = c.page.getByRole('row', { name: new RegExp(escape(first.localDate)) }).filter({ hasText: first.leaderName }).first();
    await row.waitFor();
    await expect(row.getByText('信访接待室').isVisible()).resolves.toBe(true);
    await checkA11y(c.page, 'reception rota: planned');
    const confirmed = c.page.waitForResponse((r) => new URL(r.url()).pathname === `/reception-days/${first.id}/confirm`);
    await row.getByRole('button', { name: `确认 ${first.leaderName} ${first.localDate}` }).click();
    expect((await confirmed).status()).toBe(200);
    await c.page.getByText('接访日已确认。').waitFor();
    const day = await c.t.http.get(`/reception-days/${first.id}`).set(bearer(await c.t.token('secretary'))).expect(200);
    expect(day.body.status).toBe('confirmed');
    await expect(row.getByText('已确认').isVisible()).resolves.toBe(true);
    await screenshot(c.page, 'reception-rota');
    await c.page.getByLabel('日历').check();
    await c.page.getByRole('table', { name: '日历' }).waitFor();
    await expect(c.page.getByRole('table', { name: '日历' }).getByText(first.leaderName).first().isVisible()).resolves.toBe(true);
    await checkA11y(c.page, 'reception rota: calendar');

    // The leader of the confirmed day sees his own days only (the API lists them), and no office buttons.
    const own = await c.newPage();
    await c.login(leaderUser, own);
    await own.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '接访日' }).click();
    await own.getByRole('heading', { name: '我的接访日', level: 1 }).waitFor();
    await own.getByLabel('月份').selectOption({ label: '2026年12月' });
    await own.getByRole('row', { name: new RegExp(escape(first.localDate)) }).first().waitFor();
    const listed = (await c.t.http.get('/reception-days').query({ month: '2026-12' }).set(bearer(await c.t.token(leaderUser))).expect(200)).body as { leaderName: string }[];
    expect(listed.length).toBeGreaterThan(0);
    expect(new Set(listed.map((d) => d.leaderName))).toEqual(new Set([first.leaderName]));
    await expect(own.getByRole('row').count()).resolves.toBe(listed.length + 1);
    await expect(own.getByRole('button', { name: '生成本月接访安排' }).count()).resolves.toBe(0);
    await expect(own.getByRole('button', { name: /^确认/ }).count()).resolves.toBe(0);
    await checkA11y(own, 'reception rota: a leader’s own days');
    await c.expectNoErrors();
  });
});

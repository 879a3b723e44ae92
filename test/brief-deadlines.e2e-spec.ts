import { beforeAll, describe, expect, it } from '@jest/globals';
import { bearer } from './support/factories.js';
import { caseAction, registerCase } from './support/http-helpers.js';
import { useTestApp } from './support/test-app.js';

/**
 * The leader's brief names each deadline for what it is (issue 14, item 7): 受理期限 while a case is
 * registered, 答复期限 once accepted, 督办期限 once it runs as a supervised item; the brief's JSON and
 * the invite's text (DESCRIPTION of invite.ics) say the same.
 */
interface BriefCase {
  caseId: string;
  deadlineKind: string | null;
  deadlineLabel: string | null;
  dueDate: string | null;
}

describe('deadlines in the leader’s brief', () => {
  const t = useTestApp();
  let secretary = '';
  let leaderToken = '';
  let meetingId = '';
  let caseId = '';

  beforeAll(async () => {
    secretary = await t.token('secretary');
    leaderToken = await t.token('deputy1');
    // Escalated (集体访 of 6, the government involved): transferred, it becomes a supervised item.
    const c = await registerCase<{ id: string; grade: string }>(t, secretary, { headcount: 6, subject: '老旧小区改造进度缓慢', unitsInvolved: ['GOV'] });
    expect(c.grade).toBe('escalated');
    caseId = c.id;
    const created = await t.http
      .post('/meetings')
      .set(bearer(secretary))
      .send({
        type: 'supervision',
        startAt: '2026-12-08T09:00:00+08:00',
        endAt: '2026-12-08T10:00:00+08:00',
        chairId: t.leaders.get('director'),
        agenda: [{ caseId, leadLeaderId: t.leaders.get('deputy-1'), minutes: 20 }],
      })
      .expect(201);
    meetingId = created.body.id as string;
    await t.http.post(`/meetings/${meetingId}/confirm`).set(bearer(secretary)).expect(200);
  });

  const brief = async (): Promise<BriefCase> => {
    const res = await t.http.get(`/meetings/${meetingId}/brief`).set(bearer(leaderToken)).expect(200);
    return (res.body as { myCases: BriefCase[] }).myCases[0];
  };
  const inviteText = async (): Promise<string> => {
    const res = await t.http.get(`/meetings/${meetingId}/invite.ics?attendeeId=${t.leaders.get('deputy-1') as string}`).set(bearer(secretary)).expect(200);
    return res.text.replace(/\r\n[ \t]/g, '').replace(/\\n/g, '\n').replace(/\\[,;]/g, (m) => m.slice(1));
  };

  it('calls the deadline of a registered case 受理期限, never 答复期限', async () => {
    const b = await brief();
    expect(b).toMatchObject({ caseId, deadlineKind: 'accept', deadlineLabel: '受理期限' });
    expect(b.dueDate).toMatch(/^2026-12-\d\d$/);
    const text = await inviteText();
    expect(text).toContain(`期限：受理期限 ${b.dueDate as string}`);
    expect(text).not.toContain('答复期限');
  });

  it('calls it 答复期限 once accepted, and 督办期限 once transferred as a supervised item', async () => {
    await caseAction(t, secretary, caseId, { action: 'accept' });
    expect(await brief()).toMatchObject({ deadlineKind: 'reply', deadlineLabel: '答复期限', dueDate: '2027-01-25' });
    expect(await inviteText()).toContain('期限：答复期限 2027-01-25');

    const routed = await caseAction(t, secretary, caseId, { action: 'transfer', handledBy: 'HOUSING' });
    expect(routed.body.route.mode).toBe('supervised');
    expect(await brief()).toMatchObject({ deadlineKind: 'supervision', deadlineLabel: '督办期限', dueDate: '2027-01-26' });
    const text = await inviteText();
    expect(text).toContain('期限：督办期限 2027-01-26');
    expect(text).not.toContain('受理期限');
  });
});

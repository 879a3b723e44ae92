import { casesWithoutDecision, chineseDate, type MinutesSource, minutesDocument, minutesNumber, UNDECIDED } from './minutes-document.js';

const ZONE = 'Asia/Shanghai';

function source(overrides: Partial<MinutesSource> = {}): MinutesSource {
  return {
    office: '人大常委会信访室',
    timeZone: ZONE,
    meeting: { type: 'supervision', startAt: new Date('2026-12-07T01:00:00Z'), endAt: new Date('2026-12-07T03:00:00Z'), location: '常委会第三会议室', chairId: 'L-director' },
    attendees: [
      { id: 'a-chair', kind: 'leader', refId: 'L-director', name: '李主任', active: true },
      { id: 'a-wang', kind: 'leader', refId: 'L-wang', name: '王副主任', active: true },
      { id: 'a-chen', kind: 'leader', refId: 'L-chen', name: '陈副主任', active: true },
      { id: 'a-zhao', kind: 'leader', refId: 'L-zhao', name: '赵副主任', active: true },
      { id: 'a-gov', kind: 'unit', refId: 'GOV', name: '市人民政府', active: true },
      { id: 'a-gone', kind: 'leader', refId: 'L-gone', name: '已撤销', active: false },
    ],
    agenda: [
      { caseId: 'c1', caseCode: 'XF-2026-000001', leadLeaderId: 'L-wang' },
      { caseId: 'c2', caseCode: 'XF-2026-000002', leadLeaderId: null },
    ],
    outcomes: [
      { caseId: 'c1', decision: '责成市住建局限期整改', requirements: '书面报告整改进度', dueAt: null },
      { caseId: 'c1', decision: '联系信访人 13872651234 说明进展', requirements: null, dueAt: new Date('2026-12-31T09:30:00Z') },
    ],
    minutes: { status: 'issued', number: '〔2026〕3号', summary: '会议听取了承办单位汇报。\n\n与会领导逐件研究。', requirements: '各承办单位按期报告。', undecidedCaseIds: ['c2'], extraAttendees: [{ name: '刘平', post: '市住建局物业科科长' }], issuedAt: new Date('2026-12-08T02:00:00Z') },
    attendance: [
      { attendeeId: 'a-chen', present: false, substituteName: '张明', substitutePost: '办公室主任' },
      { attendeeId: 'a-zhao', present: false, substituteName: null, substitutePost: null },
    ],
    caseSubjects: new Map([
      ['c1', '小区加装电梯补贴未兑现（身份证 420302198803151234）'],
      ['c2', '拖欠工程款'],
    ]),
    now: new Date('2026-12-09T02:00:00Z'),
    ...overrides,
  };
}

describe('the minutes document', () => {
  it('numbers and dates in the official way', () => {
    expect(minutesNumber(2026, 3)).toBe('〔2026〕3号');
    expect(chineseDate(new Date('2026-12-31T16:30:00Z'), ZONE)).toBe('2027年1月1日');
  });

  it('says time, place, chair, who attended, who sent someone, who was excused and who sat in', () => {
    const doc = minutesDocument(source());
    expect(doc).toMatchObject({
      office: '人大常委会信访室',
      number: '〔2026〕3号',
      draft: false,
      title: '督办会纪要',
      time: '2026年12月7日（星期一）09:00—11:00',
      place: '常委会第三会议室',
      chair: '李主任',
      present: ['王副主任', '陈副主任（派员：张明 办公室主任）'],
      absent: ['赵副主任'],
      sittingIn: ['市人民政府', '刘平（市住建局物业科科长）'],
      summary: '会议听取了承办单位汇报。\n与会领导逐件研究。',
      requirements: '各承办单位按期报告。',
      issuedDate: '2026年12月8日',
    });
  });

  it('gives each agenda case its decisions, requirements and last deadline, or 未作决定, with no ID or phone number', () => {
    const [first, second] = minutesDocument(source()).decisions;
    expect(first).toMatchObject({ index: 1, caseCode: 'XF-2026-000001', leadLeader: '王副主任', requirements: ['书面报告整改进度'], dueDate: '2026年12月31日' });
    expect(first.decisions[0]).toBe('责成市住建局限期整改');
    expect(first.decisions[1]).not.toContain('13872651234');
    expect(first.subject).not.toContain('420302198803151234');
    expect(second).toMatchObject({ caseCode: 'XF-2026-000002', decisions: [UNDECIDED], requirements: [], dueDate: null, leadLeader: null });
  });

  it('prints a draft without a number, dated today', () => {
    const doc = minutesDocument(source({ minutes: { ...source().minutes, status: 'draft', number: null, issuedAt: null } }));
    expect([doc.draft, doc.number, doc.issuedDate]).toEqual([true, null, '2026年12月9日']);
  });

  it('refuses to issue while an agenda case has neither a decision nor 未作决定', () => {
    const agenda = source().agenda;
    expect(casesWithoutDecision(agenda, [{ caseId: 'c1' }], [])).toEqual(['XF-2026-000002']);
    expect(casesWithoutDecision(agenda, [{ caseId: 'c1' }], ['c2'])).toEqual([]);
    expect(casesWithoutDecision(agenda, [], [])).toEqual(['XF-2026-000001', 'XF-2026-000002']);
  });
});

import { describe, expect, it } from 'vitest';
import { minutesDraftBody, minutesFileName, minutesForm } from './meetingMinutes';
import { attendeeFixture, meetingFixture } from './planningFixtures';

const minutes = {
  number: null,
  status: 'draft' as const,
  summary: '听取汇报',
  requirements: null,
  undecidedCaseIds: ['case-1'],
  extraAttendees: [],
  attendance: [
    { attendeeId: 'att-li', kind: 'leader' as const, name: '李明华主任', present: true, substituteName: null, substitutePost: null, mailStatus: null, mailedAt: null },
    { attendeeId: 'att-gov', kind: 'unit' as const, name: '市人民政府', present: false, substituteName: '王建国', substitutePost: null, mailStatus: null, mailedAt: null },
  ],
  issuedAt: null,
  issuedBy: null,
  version: 3,
};

describe('the minutes form', () => {
  it('starts from the invited attendees before a first draft: present, or absent with the substitute a 派员参加 reply named', () => {
    const meeting = meetingFixture({
      attendees: [
        attendeeFixture(),
        attendeeFixture({ kind: 'unit', id: 'GOV', name: '市人民政府', role: 'required', attendeeId: 'att-gov', partstat: 'DELEGATED', substitute: { name: '王建国', post: '副秘书长' } }),
      ],
    });
    expect(minutesForm(meeting)).toEqual({
      summary: '',
      requirements: '',
      undecidedCaseIds: [],
      attendance: [
        { attendeeId: 'att-li', name: '李明华主任', kind: 'leader', present: true, substituteName: '', substitutePost: '' },
        { attendeeId: 'att-gov', name: '市人民政府', kind: 'unit', present: false, substituteName: '王建国', substitutePost: '副秘书长' },
      ],
    });
  });

  it('shows the draft the API holds', () => {
    const form = minutesForm(meetingFixture({ minutes }));
    expect(form.summary).toBe('听取汇报');
    expect(form.requirements).toBe('');
    expect(form.undecidedCaseIds).toEqual(['case-1']);
    expect(form.attendance[1]).toEqual({ attendeeId: 'att-gov', name: '市人民政府', kind: 'unit', present: false, substituteName: '王建国', substitutePost: '' });
  });
});

describe('the draft body', () => {
  it('sends every row, trimmed text or null, no substitute for someone present, and the version read', () => {
    const form = minutesForm(meetingFixture({ minutes }));
    form.summary = '  ';
    form.undecidedCaseIds = ['case-2'];
    form.requirements = ' 两周内报送 ';
    form.attendance[0] = { ...form.attendance[0]!, substituteName: '不应发送' };
    expect(minutesDraftBody(form, 3)).toEqual({
      summary: null,
      requirements: '两周内报送',
      attendance: [
        { attendeeId: 'att-li', present: true, substituteName: null, substitutePost: null },
        { attendeeId: 'att-gov', present: false, substituteName: '王建国', substitutePost: null },
      ],
      undecidedCaseIds: ['case-2'],
      version: 3,
    });
    expect(minutesDraftBody(form, null)).not.toHaveProperty('version');
  });

  it('names the file by number once issued, without path characters', () => {
    expect(minutesFileName(meetingFixture({ title: '督办会（12月8日上午）', minutes }))).toBe('督办会（12月8日上午）-会议纪要.docx');
    expect(minutesFileName(meetingFixture({ title: '督办会 A/B', minutes: { ...minutes, number: '〔2026〕3号', status: 'issued' } }))).toBe('〔2026〕3号-督办会_A_B-会议纪要.docx');
  });
});

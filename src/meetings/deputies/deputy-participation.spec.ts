import { describe, expect, it } from '@jest/globals';
import { deputyParticipation } from './deputy-participation.js';

describe('deputyParticipation', () => {
  const deputies = [
    { id: 'a', station: '茅箭区人大代表之家', stationKind: 'home' as const },
    { id: 'b', station: '茅箭区人大代表之家', stationKind: 'home' as const },
    { id: 'c', station: '张湾区人大代表联络站', stationKind: 'station' as const },
  ];

  it('counts meetings once, every invitation, the accepted and the attended ones, in total and by station', () => {
    const rows = [
      { meetingId: 'm1', deputyId: 'a', attended: true, accepted: true },
      { meetingId: 'm1', deputyId: 'c', attended: true, accepted: false },
      { meetingId: 'm2', deputyId: 'a', attended: false, accepted: false },
      { meetingId: 'm2', deputyId: 'b', attended: false, accepted: true },
      { meetingId: 'm3', deputyId: 'gone', attended: false, accepted: false },
    ];
    expect(deputyParticipation(rows, deputies)).toEqual({
      meetings: 3,
      invitations: 5,
      accepted: 2,
      attended: 2,
      byStation: [
        { station: '茅箭区人大代表之家', stationKind: 'home', meetings: 2, invitations: 3, accepted: 2, attended: 1 },
        { station: '（代表已不在名册）', stationKind: null, meetings: 1, invitations: 1, accepted: 0, attended: 0 },
        { station: '张湾区人大代表联络站', stationKind: 'station', meetings: 1, invitations: 1, accepted: 0, attended: 1 },
      ].sort((x, y) => y.invitations - x.invitations || x.station.localeCompare(y.station, 'zh')),
    });
  });

  it('is all zeros without invitations', () => {
    expect(deputyParticipation([], deputies)).toEqual({ meetings: 0, invitations: 0, accepted: 0, attended: 0, byStation: [] });
  });
});

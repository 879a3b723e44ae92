import type { AppConfig } from '../../config/app-config.js';
import type { OfficeSettingsVersion } from './office-settings.entity.js';
import type { OfficeSettingsRepository } from './office-settings.repository.js';
import { OfficeSettings } from './office-settings.js';
import type { OfficeSettingsBody } from './office-settings.types.js';

/** The active row of a fake table; counts the reads so a spec can tell a cheap check from a load. */
class FakeVersions {
  active: { version: number; body: OfficeSettingsBody } | null = null;
  versionReads = 0;
  bodyReads = 0;

  activeVersion(): Promise<number | null> {
    this.versionReads++;
    return Promise.resolve(this.active?.version ?? null);
  }

  findActive(): Promise<OfficeSettingsVersion | null> {
    this.bodyReads++;
    return Promise.resolve(this.active ? ({ ...this.active } as OfficeSettingsVersion) : null);
  }
}

const build = (): { settings: OfficeSettings; table: FakeVersions } => {
  const table = new FakeVersions();
  const settings = new OfficeSettings(table as unknown as OfficeSettingsRepository, { officeTimeZone: 'Asia/Shanghai' } as AppConfig);
  return { settings, table };
};

describe('OfficeSettings', () => {
  it('starts from the files in config/ as version 0', () => {
    const { settings } = build();
    expect(settings.version()).toBe(0);
    expect(settings.policy().acceptDays).toBe(15);
    expect(settings.policy().timeZone).toBe('Asia/Shanghai');
    expect(settings.meetings().defaultLocation).toBe('常委会第三会议室');
    expect(settings.meetings().leadRanks).toEqual(['director', 'deputy-director']);
    expect(settings.calendar().isWorkingDay('2026-12-05')).toBe(false);
  });

  it('refresh() adopts a new active version and only reads the body when the version changed', async () => {
    const { settings, table } = build();
    const body = settings.defaultBody();
    table.active = { version: 3, body: { ...body, deadlines: { ...body.deadlines, acceptDays: 10 }, workdays: [{ name: '调休', date: '2026-12-05' }] } };
    await settings.refresh();
    expect(settings.version()).toBe(3);
    expect(settings.policy().acceptDays).toBe(10);
    expect(settings.calendar().isWorkingDay('2026-12-05')).toBe(true);
    await settings.refresh();
    expect({ versionReads: table.versionReads, bodyReads: table.bodyReads }).toEqual({ versionReads: 2, bodyReads: 1 });
  });

  it('shares one read between concurrent refreshes', async () => {
    const { settings, table } = build();
    table.active = { version: 1, body: settings.defaultBody() };
    await Promise.all([settings.refresh(), settings.refresh(), settings.refresh()]);
    expect(table.versionReads).toBe(1);
  });

  it('keeps the snapshot in force when a version cannot be built, and gives a live view of the policy', () => {
    const { settings } = build();
    const live = settings.livePolicy();
    const body = settings.defaultBody();
    settings.adopt(2, { ...body, deadlines: { ...body.deadlines, dueSoonDays: 3 } });
    expect(live.dueSoonDays).toBe(3);
    const before = settings.snapshot();
    // Never stored (the validator refuses it), but should one come: a day both off and a make-up day.
    settings.adopt(5, { ...body, holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01' }], workdays: [{ name: '调休', date: '2027-01-01' }] });
    expect(settings.snapshot()).toBe(before);
    expect(settings.version()).toBe(2);
  });

  it('gives snapshots that never change: a reader keeps what it took', () => {
    const { settings } = build();
    const taken = settings.snapshot();
    settings.adopt(7, { ...settings.defaultBody(), officeHours: [['09:00', '12:00']] });
    expect(taken.policy.officeHours).toEqual([
      ['08:30', '12:00'],
      ['14:30', '17:30'],
    ]);
    expect(settings.policy().officeHours).toEqual([['09:00', '12:00']]);
    expect(Object.isFrozen(taken)).toBe(true);
  });
});

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config.js';
import { loadMeetingsConfig, type MeetingsConfig } from '../../config/meetings-config.js';
import { loadPolicy, type Policy } from '../../config/policy.js';
import { WorkingCalendar } from '../common/time/working-calendar.js';
import { APP_CONFIG } from '../common/tokens.js';
import { OfficeSettingsRepository } from './office-settings.repository.js';
import type { OfficeSettingsBody } from './office-settings.types.js';
import { bodyFromFiles, meetingsConfigOf, policyOf } from './settings-mapping.js';
import { validateOfficeSettings } from './settings-validator.js';

/** Everything derived from one settings version; never changed once built (a new version builds a new one). */
export interface OfficeSnapshot {
  /** The stored version in force; 0 before the first version is stored (the files in `config/`). */
  readonly version: number;
  readonly body: OfficeSettingsBody;
  readonly policy: Policy;
  readonly meetings: MeetingsConfig;
  readonly calendar: WorkingCalendar;
}

/** Years the holiday package (chinese-days) has schedules for. */
export const PACKAGE_YEARS: readonly number[] = new WorkingCalendar().yearsWithData();

/** How often every instance asks the database which version is active (one indexed single-row read). */
export const SETTINGS_REFRESH_MS = 1_000;

/**
 * The office settings in force, read by the running service without restart (办公设置). Holds the active
 * version's snapshot; the instance that publishes adopts the new version at once, every other instance
 * notices within `SETTINGS_REFRESH_MS` (+ one query) through an unref'd timer. Tests call `refresh()`.
 * Readers take `policy()`, `meetings()`, `calendar()` at the moment of use and never keep them: a
 * deadline computed earlier keeps its stored value, the next computation uses the new version.
 */
@Injectable()
export class OfficeSettings implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('OfficeSettings');
  private readonly fileMeetings: MeetingsConfig;
  private readonly timeZoneOfOffice: string;
  private readonly defaults: OfficeSettingsBody;
  private current: OfficeSnapshot;
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private stopped = false;
  private failing = false;

  constructor(
    private readonly repository: OfficeSettingsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const filePolicy = loadPolicy();
    this.fileMeetings = loadMeetingsConfig();
    this.timeZoneOfOffice = config.officeTimeZone ?? filePolicy.timeZone;
    this.defaults = OfficeSettings.checkedDefaults(bodyFromFiles(filePolicy, this.fileMeetings));
    this.current = this.build(0, this.defaults);
  }

  /** The files in `config/` pass the same validator as every stored version; a bad value stops the boot naming it. */
  private static checkedDefaults(body: OfficeSettingsBody): OfficeSettingsBody {
    const { body: valid, errors } = validateOfficeSettings(body, { today: '2000-01-01', packageYears: PACKAGE_YEARS });
    if (!valid) throw new Error(`config/policy.json + config/meetings.json: ${errors.map((e) => `"${e.path}" ${e.messageEn}`).join('; ')}`);
    return valid;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh().catch((e: unknown) => this.logger.warn(`settings not read at start, using config/ defaults: ${String(e)}`));
    this.timer = setInterval(() => void this.refresh().catch((e: unknown) => this.reportFailure(e)), SETTINGS_REFRESH_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The snapshot in force (take it once per computation so all its parts agree). */
  snapshot(): OfficeSnapshot {
    return this.current;
  }

  version(): number {
    return this.current.version;
  }

  policy(): Policy {
    return this.current.policy;
  }

  meetings(): MeetingsConfig {
    return this.current.meetings;
  }

  calendar(): WorkingCalendar {
    return this.current.calendar;
  }

  /** The office time zone (from the configuration, not a setting). */
  timeZone(): string {
    return this.timeZoneOfOffice;
  }

  /** Version 1 of a new installation: the files shipped in `config/`. */
  defaultBody(): OfficeSettingsBody {
    return structuredClone(this.defaults);
  }

  /**
   * A Policy whose every field reads the version in force at the moment it is read, for code that
   * still receives the `POLICY` token (e.g. the time zone of reports and the daily scheduler).
   */
  livePolicy(): Policy {
    const view = {} as Policy;
    for (const key of Object.keys(this.current.policy) as (keyof Policy)[]) {
      Object.defineProperty(view, key, { enumerable: true, get: () => this.current.policy[key] });
    }
    return view;
  }

  /** Reads the active version from the database and adopts it when it changed. Concurrent calls share one read. */
  refresh(): Promise<void> {
    this.inFlight ??= this.readActive().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** Adopts a version this instance just activated (publish, rollback, first start). */
  adopt(version: number, body: OfficeSettingsBody): void {
    if (version === this.current.version) return;
    try {
      this.current = this.build(version, body);
      this.logger.log(`office settings version ${version} in force`);
    } catch (e) {
      // A stored version passed the validator; should its calendar still fail, keep the one in force.
      this.logger.error(`office settings version ${version} not adopted: ${String(e)}`);
    }
  }

  private async readActive(): Promise<void> {
    if (this.stopped) return;
    const version = await this.repository.activeVersion();
    this.failing = false;
    if (version === null || version === this.current.version) return;
    const row = await this.repository.findActive();
    if (row) this.adopt(row.version, row.body);
  }

  private build(version: number, body: OfficeSettingsBody): OfficeSnapshot {
    const policy = policyOf(body, this.timeZoneOfOffice);
    return Object.freeze({
      version,
      body,
      policy,
      meetings: meetingsConfigOf(body, this.fileMeetings),
      calendar: new WorkingCalendar(policy.calendarOverrides),
    });
  }

  private reportFailure(e: unknown): void {
    if (this.stopped || this.failing) return;
    this.failing = true;
    this.logger.warn(`office settings not refreshed (keeping version ${this.current.version}): ${String(e)}`);
  }
}

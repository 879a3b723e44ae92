import { Inject, Injectable, Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import type { AppConfig } from '../../config/app-config.js';
import { projectPath } from '../../config/paths.js';
import type { Actor } from '../domain/actor.js';
import { UsersService } from '../auth/users.service.js';
import { CaseActionsService } from '../cases/case-actions.service.js';
import type { CaseActionDto } from '../cases/dto/case-action.dto.js';
import type { CreateCaseDto } from '../cases/dto/create-case.dto.js';
import { IntakeService } from '../cases/intake.service.js';
import { Clock } from '../domain/clock.js';
import { APP_CONFIG } from '../common/tokens.js';
import { DirectoryService } from '../directory/directory.service.js';
import { MeetingPlanningService } from '../meetings/meeting-planning.service.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { RuleSetsService } from '../rule-sets/rule-sets.service.js';
import { SettingsService } from '../settings/settings.service.js';

/** Demo accounts of the embedded mode (documented in the README). */
export const DEMO_USERS = [
  { username: 'secretary', password: 'mishu-demo-2026', role: 'secretariat', displayName: '信访室 张秘书', leaderKey: null },
  { username: 'auditor', password: 'shenji-demo-2026', role: 'auditor', displayName: '审计 刘审', leaderKey: null },
  { username: 'director', password: 'leader-demo-2026', role: 'leader', displayName: '李明华 主任', leaderKey: 'director' },
  { username: 'wang', password: 'leader-demo-2026', role: 'leader', displayName: '王建国 副主任', leaderKey: 'deputy-1' },
  // A handling unit's account (承办单位): the city government's petition liaison.
  { username: 'gov-liaison', password: 'danwei-demo-2026', role: 'unit', displayName: '市政府 信访联络员', leaderKey: null, unitCode: 'GOV' },
] as const;

interface DemoCase {
  case: Omit<CreateCaseDto, 'receivedAt'> & { daysAgo: number };
  actions: (CaseActionDto & { leaderKey?: string })[];
}

/**
 * First start: the directory from `config/directory/`, the first admin from the environment,
 * and in the embedded mode demo accounts and a small set of demo cases run through the real pipeline.
 */
@Injectable()
export class SeedService {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly directory: DirectoryService,
    private readonly ruleSets: RuleSetsService,
    private readonly settings: SettingsService,
    private readonly users: UsersService,
    private readonly intake: IntakeService,
    private readonly actions: CaseActionsService,
    private readonly planning: MeetingPlanningService,
    private readonly meetings: MeetingsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(): Promise<void> {
    const leaderIds = await this.directory.seedIfEmpty();
    if (leaderIds) this.logger.log('directory seeded from config/directory');
    if (await this.ruleSets.seedDefault()) this.logger.log('rule set version 1 published from config/rules/default.json');
    if (await this.settings.seedDefault()) this.logger.log('office settings version 1 published from config/policy.json and config/meetings.json');
    if (this.config.adminPassword) {
      await this.users.ensure({ username: this.config.adminUsername, password: this.config.adminPassword, role: 'admin', displayName: '系统管理员' });
    } else {
      this.logger.warn('ADMIN_PASSWORD is not set: no first admin account was created');
    }
    if (!this.config.demoData || !leaderIds) return;
    for (const u of DEMO_USERS) {
      await this.users.ensure({
        username: u.username,
        password: u.password,
        role: u.role,
        displayName: u.displayName,
        leaderId: u.leaderKey ? leaderIds.get(u.leaderKey) : undefined,
        unitId: 'unitCode' in u ? (await this.directory.unitByCode(u.unitCode))?.id : undefined,
      });
    }
    await this.seedDemoCases(leaderIds);
  }

  private async seedDemoCases(leaderIds: Map<string, string>): Promise<void> {
    const demo = JSON.parse(readFileSync(projectPath('config/demo/cases.json'), 'utf8')) as DemoCase[];
    const actor: Actor = { id: 'seed', username: 'seed', displayName: '演示数据', role: 'secretariat', leaderId: null, unitId: null, unitCode: null };
    const now = this.clock.now().getTime();
    for (const item of demo) {
      const { daysAgo, ...body } = item.case;
      const receivedAt = new Date(now - daysAgo * 86_400_000).toISOString();
      const { petitionCase } = await this.intake.register({ ...body, receivedAt }, actor);
      for (const { leaderKey, ...action } of item.actions) {
        const input = leaderKey ? { ...action, leaderId: leaderIds.get(leaderKey) } : action;
        await this.actions.perform(petitionCase.id, input, actor);
      }
    }
    this.logger.log(`demo data: ${demo.length} cases registered`);
    // Plan the next four weeks and confirm the first supervision meeting: its invites land in DATA_DIR/outbox.
    try {
      const plan = await this.planning.plan({ from: new Date(now).toISOString(), to: new Date(now + 28 * 86_400_000).toISOString() }, actor);
      const first = plan.meetings.find((m) => m.type === 'supervision') ?? plan.meetings[0];
      if (first) await this.meetings.confirm(first.id, actor);
      this.logger.log(`demo data: ${plan.meetings.length} meetings proposed${first ? ', one confirmed with its invites' : ''}`);
    } catch (error) {
      // Demo meetings are a nicety: the service starts without them.
      this.logger.warn(`demo meetings not planned: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

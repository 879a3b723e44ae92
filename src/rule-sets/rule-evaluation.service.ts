import { Injectable } from '@nestjs/common';
import type { EvaluateCaseDto } from '../cases/dto/evaluate-case.dto.js';
import { IntakeService, type Preview } from '../cases/intake.service.js';
import { RulesService } from '../rules/rules.service.js';
import { RuleSetsService } from './rule-sets.service.js';

/**
 * Dry runs of the rules on one case body (`POST /rules/evaluate`), by the active set or any stored one
 * (drafts included), with the same facts and checks as intake.
 */
@Injectable()
export class RuleEvaluationService {
  constructor(
    private readonly intake: IntakeService,
    private readonly ruleSets: RuleSetsService,
    private readonly rules: RulesService,
  ) {}

  async preview(body: EvaluateCaseDto, setId?: string): Promise<Preview> {
    const runner = setId ? this.rules.runnerFor(await this.ruleSets.get(setId)) : undefined;
    return this.intake.preview(body, runner);
  }
}

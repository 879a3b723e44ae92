import { Injectable } from '@nestjs/common';
import { RuleSetsService } from '../rules/rule-sets.service.js';
import { RulesService } from '../rules/rules.service.js';
import type { EvaluateCaseDto } from './dto/evaluate-case.dto.js';
import { IntakeService, type Preview } from './intake.service.js';

/** Dry runs of the rules on one case body, by the active set or any stored one (drafts included). */
@Injectable()
export class CaseEvaluationService {
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

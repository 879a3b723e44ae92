import { IANAZone } from 'luxon';
import { MeetingErrors } from '../meeting.errors.js';
import type { PlannerInput } from './planner.types.js';
import { parseOfficeHours } from './slots.js';

/** Zones already validated (creating the Intl formatter behind the check is slow). */
const validZones = new Set<string>();

/** Throws a DomainError `PLANNER_INPUT_INVALID` naming the first malformed part of the input. */
export function validatePlannerInput(input: PlannerInput): void {
  const fail = (zh: string, en: string): never => {
    throw MeetingErrors.plannerInputInvalid(zh, en);
  };
  const validDate = (d: unknown): boolean => d instanceof Date && !Number.isNaN(d.getTime());
  if (!validDate(input.from) || !validDate(input.to) || input.from.getTime() >= input.to.getTime()) {
    fail('规划起止时间无效或起点不早于终点', '"from" and "to" must be valid instants with from < to');
  }
  if (!validZones.has(input.timeZone)) {
    if (!IANAZone.isValidZone(input.timeZone)) fail(`时区 ${input.timeZone} 无效`, `unknown time zone ${input.timeZone}`);
    validZones.add(input.timeZone);
  }
  try {
    if (parseOfficeHours(input.officeHours).length === 0) fail('未设置办公时间', 'officeHours is empty');
  } catch (e) {
    fail('办公时间格式应为 HH:MM', e instanceof Error ? e.message : String(e));
  }
  const { slotStepMinutes, meetingMinutes, minutesPerCase } = input.settings;
  if (!Number.isInteger(slotStepMinutes) || slotStepMinutes < 1) fail('排会步长须为正整数分钟', 'slotStepMinutes must be a positive integer');
  for (const t of input.types) {
    if (!Number.isInteger(meetingMinutes[t]) || meetingMinutes[t] < 1) fail(`${t} 会议时长须为正整数分钟`, `meetingMinutes.${t} must be a positive integer`);
    if (!Number.isInteger(minutesPerCase[t]) || minutesPerCase[t] < 1) fail(`${t} 每件议题时长须为正整数分钟`, `minutesPerCase.${t} must be a positive integer`);
  }
  const dup = (ids: string[]): string | undefined => {
    const seen = new Set<string>();
    return ids.find((id) => (seen.has(id) ? true : (seen.add(id), false)));
  };
  const dupCase = dup(input.cases.map((c) => c.id));
  if (dupCase !== undefined) fail(`信访事项 ${dupCase} 重复`, `case ${dupCase} appears twice`);
  const dupLeader = dup(input.leaders.map((l) => l.id));
  if (dupLeader !== undefined) fail(`领导 ${dupLeader} 重复`, `leader ${dupLeader} appears twice`);
  for (const l of input.leaders) {
    if (!Number.isInteger(l.maxActiveCases) || !Number.isInteger(l.activeCases) || l.activeCases < 0) {
      fail(`领导 ${l.name} 的在办案件数或上限无效`, `leader ${l.id}: activeCases/maxActiveCases must be non-negative integers`);
    }
    for (const b of l.busy) {
      if (!validDate(b.start) || !validDate(b.end)) fail(`领导 ${l.name} 的忙碌时段无效`, `leader ${l.id}: invalid busy period`);
    }
  }
  for (const c of input.cases) {
    if (c.replyDueAt !== null && !validDate(c.replyDueAt)) fail(`信访事项 ${c.code} 的答复期限无效`, `case ${c.id}: invalid replyDueAt`);
  }
}

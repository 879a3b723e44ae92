import { DomainError } from '../common/errors.js';

/** The errors of 试运行作业 (simulation runs). */
export const SimulationRunsErrors = {
  notFound: () => new DomainError('SIMULATION_NOT_FOUND', 404, { zh: '找不到该试运行。', en: 'No such simulation run.' }),
  busy: (limit: number) =>
    new DomainError('SIMULATION_BUSY', 409, {
      zh: `已有 ${limit} 个试运行在排队或进行中，请等其中一个结束或取消后再试。`,
      en: `${limit} simulation runs are already queued or running; wait for one to finish, or cancel one, and try again.`,
    }),
  finished: (status: string) =>
    new DomainError('SIMULATION_FINISHED', 409, {
      zh: `该试运行已${status === 'done' ? '完成' : status === 'failed' ? '失败' : '取消'}，无法取消。`,
      en: `This simulation run is already ${status} and cannot be cancelled.`,
    }),
};

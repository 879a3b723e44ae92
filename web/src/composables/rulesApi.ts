import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';
import type { Activation } from './ruleVersions';
import type { Dimension, SimulationRun } from './ruleSimulation';

/**
 * The rules API of issue 13 (activations, diff, schema, simulation runs, notes on publish and rollback)
 * for the 规则管理 pages, in one place, through the typed client.
 */
export type RuleDiff = components['schemas']['RuleSetDiffResponse'];

export interface RunCases {
  total: number;
  items: { caseId: string; code: string; subject: string }[];
}

export const rulesApi = {
  activations: async (): Promise<Activation[]> => unwrap(await api.GET('/rules/activations')),
  schema: async (): Promise<object> => unwrap(await api.GET('/rules/schema')) as object,
  diff: async (id: string, against: string): Promise<RuleDiff> => unwrap(await api.GET('/rules/sets/{id}/diff', { params: { path: { id }, query: { against } } })),
  publish: async (id: string, note: string) => unwrap(await api.POST('/rules/sets/{id}/publish', { params: { path: { id } }, body: { note } })),
  rollback: async (id: string, note: string) => unwrap(await api.POST('/rules/sets/{id}/rollback', { params: { path: { id } }, body: { note } })),
  startSimulation: async (id: string): Promise<SimulationRun> => unwrap(await api.POST('/rules/sets/{id}/simulations', { params: { path: { id } }, body: {} })),
  run: async (runId: string): Promise<SimulationRun> => unwrap(await api.GET('/rules/simulations/{runId}', { params: { path: { runId } } })),
  cancelRun: async (runId: string): Promise<SimulationRun> => unwrap(await api.POST('/rules/simulations/{runId}/cancel', { params: { path: { runId } } })),
  runCases: async (runId: string, query: { dimension: Dimension; from: string; to: string; page: number; pageSize: number }): Promise<RunCases> =>
    unwrap(await api.GET('/rules/simulations/{runId}/cases', { params: { path: { runId }, query } })),
};

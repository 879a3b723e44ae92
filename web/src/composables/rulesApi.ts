import { api, unwrap } from '@/api/client';
import type { Activation } from './ruleVersions';
import type { Dimension, SimulationRun } from './ruleSimulation';

/**
 * The rules API of issue 13 (docs/API.md: activations, diff, schema, simulation runs, notes on publish and
 * rollback) for the 规则管理 pages, in one place. The answers are typed by the contract's shapes.
 */
type Result = { data?: unknown; error?: unknown; response: Response };
interface LooseClient {
  GET(path: string, init?: object): Promise<Result>;
  POST(path: string, init?: object): Promise<Result>;
}
// Routes added by the server helpers of issue 13 after schema.d.ts was last generated are called untyped here.
const loose = api as unknown as LooseClient;

export interface RuleDiff {
  from: { id: string; version: number };
  to: { id: string; version: number };
  changes: { rule: string | null; kind: 'added' | 'removed' | 'changed' | 'precedence' | 'note'; zh: string; en: string }[];
}

export interface RunCases {
  total: number;
  items: { caseId: string; code: string; subject: string }[];
}

export const rulesApi = {
  activations: async (): Promise<Activation[]> => unwrap(await loose.GET('/rules/activations')) as Activation[],
  schema: async (): Promise<object> => unwrap(await loose.GET('/rules/schema')) as object,
  diff: async (id: string, against: string): Promise<RuleDiff> => unwrap(await loose.GET('/rules/sets/{id}/diff', { params: { path: { id }, query: { against } } })) as RuleDiff,
  publish: async (id: string, note: string): Promise<{ version: number; activationId?: string }> =>
    unwrap(await loose.POST('/rules/sets/{id}/publish', { params: { path: { id } }, body: { note } })) as { version: number; activationId?: string },
  rollback: async (id: string, note: string): Promise<{ version: number; activationId?: string }> =>
    unwrap(await loose.POST('/rules/sets/{id}/rollback', { params: { path: { id } }, body: { note } })) as { version: number; activationId?: string },
  startSimulation: async (id: string): Promise<SimulationRun> => unwrap(await loose.POST('/rules/sets/{id}/simulations', { params: { path: { id } }, body: {} })) as SimulationRun,
  run: async (runId: string): Promise<SimulationRun> => unwrap(await loose.GET('/rules/simulations/{runId}', { params: { path: { runId } } })) as SimulationRun,
  cancelRun: async (runId: string): Promise<SimulationRun> => unwrap(await loose.POST('/rules/simulations/{runId}/cancel', { params: { path: { runId } } })) as SimulationRun,
  runCases: async (runId: string, query: { dimension: Dimension; from: string; to: string; page: number; pageSize: number }): Promise<RunCases> =>
    unwrap(await loose.GET('/rules/simulations/{runId}/cases', { params: { path: { runId }, query } })) as RunCases,
};

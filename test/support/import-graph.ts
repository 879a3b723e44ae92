import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * The import graph of the service's own code, and the rules that keep its layers in order
 * (docs/architecture.md). Read with the TypeScript compiler's pre-processor: no type checking, no build.
 */
export interface ImportEdge {
  from: string;
  to: string;
}

/**
 * Layers from the bottom: a folder may import itself and folders of a strictly lower rank only.
 * `composition` is the root of `src/` and every `cli/` folder: entry points that wire everything.
 */
export const LAYERS: Readonly<Record<string, number>> = {
  domain: 0,
  config: 1,
  common: 1,
  database: 2,
  audit: 3,
  auth: 4,
  'audit-trail': 5,
  jobs: 5,
  settings: 5,
  directory: 6,
  attachments: 6,
  rules: 7,
  cases: 8,
  'rule-sets': 9,
  meetings: 9,
  'case-files': 9,
  'unit-links': 9,
  'ledger-import': 9,
  calendar: 10,
  letters: 10,
  reports: 11,
  'unit-notices': 11,
  backup: 12,
  health: 13,
  console: 13,
  seed: 14,
  composition: 15,
};

/**
 * Files a feature module keeps to itself: another module asks the module's services and ports instead.
 * The infrastructure below the features (audit, jobs) offers its writers as its API: `AuditRepository.record`
 * and `OutboxRepository` take the caller's transaction, so an audit entry or a job commits with the change.
 */
const PRIVATE_FILE = /\.repository\.ts$/;
const FIRST_FEATURE_RANK = LAYERS.directory;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Relative imports of every non-test TypeScript file under `src/` and `config/`, as paths from the root. */
export function collectImports(root: string): ImportEdge[] {
  const files = [...walk(join(root, 'src')), ...walk(join(root, 'config'))];
  const edges: ImportEdge[] = [];
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const imported of info.importedFiles) {
      if (!imported.fileName.startsWith('.')) continue;
      const target = resolve(dirname(file), imported.fileName.replace(/\.js$/, '.ts'));
      edges.push({ from: relative(root, file).split(sep).join('/'), to: relative(root, target).split(sep).join('/') });
    }
  }
  return edges;
}

/** The layer a file belongs to: its top folder under `src/` (or `config`), the root and `cli/` folders being composition. */
export function layerOf(path: string): string {
  const parts = path.split('/');
  if (parts[0] === 'config') return 'config';
  if (parts[0] !== 'src' || parts.length === 2 || parts.includes('cli')) return 'composition';
  return parts[1];
}

export interface Violation {
  edge: ImportEdge;
  rule: 'unknown-layer' | 'upward' | 'sideways' | 'private-file';
}

/** Every import that breaks a rule: into a higher or equal-rank other layer, or into another module's repository. */
export function violations(edges: readonly ImportEdge[]): Violation[] {
  const found: Violation[] = [];
  for (const edge of edges) {
    const from = layerOf(edge.from);
    const to = layerOf(edge.to);
    if (from === to) continue;
    const fromRank = LAYERS[from];
    const toRank = LAYERS[to];
    if (fromRank === undefined || toRank === undefined) found.push({ edge, rule: 'unknown-layer' });
    else if (toRank > fromRank) found.push({ edge, rule: 'upward' });
    else if (toRank === fromRank) found.push({ edge, rule: 'sideways' });
    else if (from !== 'composition' && toRank >= FIRST_FEATURE_RANK && PRIVATE_FILE.test(edge.to)) found.push({ edge, rule: 'private-file' });
  }
  return found;
}

/** Cycles between layers (folders), each as the list of folders around it. */
export function folderCycles(edges: readonly ImportEdge[]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    const a = layerOf(from);
    const b = layerOf(to);
    if (a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    graph.get(a)?.add(b);
  }
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

export const describeEdge = (v: Violation): string => `${v.rule}: ${v.edge.from} → ${v.edge.to}`;

import autocannon, { type AutocannonResult } from 'autocannon';
import { cpuSeconds } from './cpu.js';
import { percentile } from './stats.js';

export interface LoadTarget {
  name: string;
  url: string;
  path: string;
  headers: Record<string, string>;
  /** Extra process ids whose CPU time is attributed to the run (the server, the database). */
  pids: number[];
}

export interface LoadRun {
  target: string;
  mode: 'max' | 'rate';
  connections: number;
  requestedRate: number | null;
  seconds: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Completed 2xx responses per second of wall time. */
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** autocannon's own histogram (coordinated-omission correction off), for cross-checking. */
  acP50: number;
  acP99: number;
  /** CPU milliseconds per successful request, per watched process. */
  cpuMsPerRequest: number[];
}

/**
 * One autocannon run posting a fresh body per request. Latency percentiles are exact, from every
 * response time autocannon reports. With `rate`, autocannon's `overallRate` caps the total rate;
 * its coordinated-omission correction is turned off because autocannon 9 corrects with an expected
 * interval of ceil(1/rate) = 1 ms, which fills the histogram with synthetic samples.
 */
export async function postLoad(target: LoadTarget, options: { seconds: number; connections: number; rate?: number }, makeBody: () => string): Promise<LoadRun> {
  const latencies: number[] = [];
  let ok = 0;
  let non2xx = 0;
  const cpuBefore = target.pids.map(cpuSeconds);
  const started = performance.now();
  const instance = autocannon({
    url: target.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    ...(options.rate ? { overallRate: options.rate, ignoreCoordinatedOmission: true } : {}),
    requests: [
      {
        method: 'POST',
        path: target.path,
        headers: { 'content-type': 'application/json', ...target.headers },
        setupRequest: (request) => ({ ...request, body: makeBody() }),
      },
    ],
  });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    if (statusCode >= 200 && statusCode < 300) ok++;
    else non2xx++;
  });
  const result: AutocannonResult = await instance;
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = target.pids.map(cpuSeconds);
  return {
    target: target.name,
    mode: options.rate ? 'rate' : 'max',
    connections: options.connections,
    requestedRate: options.rate ?? null,
    seconds,
    ok,
    non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    rps: ok / seconds,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
    acP50: result.latency.p50,
    acP99: result.latency.p99,
    cpuMsPerRequest: cpuAfter.map((after, i) => (ok ? ((after - cpuBefore[i]) * 1000) / ok : NaN)),
  };
}

/**
 * Min-cost flow by successive shortest paths (Dijkstra on reduced costs with Johnson potentials).
 * Arc costs must be non-negative on input (so zero potentials are feasible at the start); the result
 * is an exact optimum for the flow value reached, and integral because capacities are integers.
 */
export class MinCostFlow {
  private readonly head: Int32Array;
  private to: number[] = [];
  private next: number[] = [];
  private cap: number[] = [];
  private cost: number[] = [];

  constructor(readonly nodeCount: number) {
    this.head = new Int32Array(nodeCount).fill(-1);
  }

  /** Adds arc u→v and its residual twin; returns the arc id (the twin is id ^ 1). */
  addArc(u: number, v: number, capacity: number, cost: number): number {
    if (cost < 0) throw new Error('MinCostFlow: negative arc cost');
    const id = this.to.length;
    this.push(u, v, capacity, cost);
    this.push(v, u, 0, -cost);
    return id;
  }

  /** Flow currently on arc `id` (as returned by addArc). */
  flowOn(id: number): number {
    return this.cap[id ^ 1];
  }

  /** Sends up to `limit` units from s to t along successive shortest paths; returns { flow, cost }. */
  run(s: number, t: number, limit = Number.POSITIVE_INFINITY): { flow: number; cost: number } {
    const n = this.nodeCount;
    const potential = new Float64Array(n);
    const dist = new Float64Array(n);
    const prevArc = new Int32Array(n);
    const done = new Uint8Array(n);
    let flow = 0;
    let total = 0;
    const heap = new MinHeap();
    while (flow < limit) {
      dist.fill(Number.POSITIVE_INFINITY);
      done.fill(0);
      prevArc.fill(-1);
      dist[s] = 0;
      heap.clear();
      heap.push(0, s);
      while (heap.size > 0) {
        const [d, u] = heap.pop();
        if (done[u]) continue;
        done[u] = 1;
        if (u === t) break;
        for (let a = this.head[u]; a !== -1; a = this.next[a]) {
          if (this.cap[a] <= 0) continue;
          const v = this.to[a];
          if (done[v]) continue;
          const nd = d + this.cost[a] + potential[u] - potential[v];
          if (nd < dist[v]) {
            dist[v] = nd;
            prevArc[v] = a;
            heap.push(nd, v);
          }
        }
      }
      if (!done[t]) break;
      const dt = dist[t];
      for (let v = 0; v < n; v++) potential[v] += Math.min(dist[v], dt);
      let push = limit - flow;
      for (let v = t; v !== s; v = this.to[prevArc[v] ^ 1]) push = Math.min(push, this.cap[prevArc[v]]);
      for (let v = t; v !== s; v = this.to[prevArc[v] ^ 1]) {
        const a = prevArc[v];
        this.cap[a] -= push;
        this.cap[a ^ 1] += push;
        total += push * this.cost[a];
      }
      flow += push;
    }
    return { flow, cost: total };
  }

  private push(u: number, v: number, capacity: number, cost: number): void {
    this.to.push(v);
    this.cap.push(capacity);
    this.cost.push(cost);
    this.next.push(this.head[u]);
    this.head[u] = this.to.length - 1;
  }
}

/** A binary min-heap of (key, value) pairs; ties pop the smaller value first (deterministic). */
class MinHeap {
  private keys: number[] = [];
  private values: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  clear(): void {
    this.keys.length = 0;
    this.values.length = 0;
  }

  push(key: number, value: number): void {
    const k = this.keys;
    const v = this.values;
    let i = k.length;
    k.push(key);
    v.push(value);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(key, value, k[p], v[p])) break;
      k[i] = k[p];
      v[i] = v[p];
      i = p;
    }
    k[i] = key;
    v[i] = value;
  }

  pop(): [number, number] {
    const k = this.keys;
    const v = this.values;
    const top: [number, number] = [k[0], v[0]];
    const lastK = k.pop() as number;
    const lastV = v.pop() as number;
    const n = k.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && this.less(k[r], v[r], k[l], v[l]) ? r : l;
        if (!this.less(k[c], v[c], lastK, lastV)) break;
        k[i] = k[c];
        v[i] = v[c];
        i = c;
      }
      k[i] = lastK;
      v[i] = lastV;
    }
    return top;
  }

  private less(k1: number, v1: number, k2: number, v2: number): boolean {
    return k1 < k2 || (k1 === k2 && v1 < v2);
  }
}

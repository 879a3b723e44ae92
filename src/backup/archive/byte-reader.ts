/** Reads exact byte counts from an async stream of buffers (file chunks, gunzip output). */
export class ByteReader {
  private readonly buffers: Buffer[] = [];
  private length = 0;
  private done = false;
  private readonly source: AsyncIterator<Buffer>;

  constructor(source: AsyncIterable<Buffer>) {
    this.source = source[Symbol.asyncIterator]();
  }

  private async fill(n: number): Promise<boolean> {
    while (this.length < n && !this.done) {
      const next = await this.source.next();
      if (next.done) this.done = true;
      else if (next.value.length) {
        this.buffers.push(next.value);
        this.length += next.value.length;
      }
    }
    return this.length >= n;
  }

  private shift(n: number): Buffer {
    const first = this.buffers[0];
    let out: Buffer;
    if (first.length > n) {
      out = first.subarray(0, n);
      this.buffers[0] = first.subarray(n);
    } else if (first.length === n) {
      out = first;
      this.buffers.shift();
    } else {
      out = Buffer.alloc(n);
      let at = 0;
      while (at < n) {
        const head = this.buffers[0];
        const take = Math.min(head.length, n - at);
        head.copy(out, at, 0, take);
        at += take;
        if (take === head.length) this.buffers.shift();
        else this.buffers[0] = head.subarray(take);
      }
    }
    this.length -= n;
    return out;
  }

  /** Exactly `n` bytes, or null when the stream ends first. */
  async read(n: number): Promise<Buffer | null> {
    if (n === 0) return Buffer.alloc(0);
    if (!(await this.fill(n))) return null;
    return this.shift(n);
  }

  /** True when no byte is left. */
  async atEnd(): Promise<boolean> {
    return !(await this.fill(1));
  }

  /** The next `n` bytes as pieces (no copy of the whole); throws `onShort()` when the stream ends first. */
  async *take(n: number, onShort: () => Error): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      if (!(await this.fill(1))) throw onShort();
      const piece = this.shift(Math.min(left, this.buffers[0].length));
      left -= piece.length;
      yield piece;
    }
  }
}

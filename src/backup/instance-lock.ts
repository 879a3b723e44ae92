import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** What a running service writes about itself into `DATA_DIR/.running/`. */
export interface InstanceInfo {
  pid: number;
  host: string;
  startedAt: string;
  /** Id of the personal-data key the instance encrypts with (the rotation checks it). */
  piiKeyId: string;
}

export interface LiveInstance extends InstanceInfo {
  file: string;
}

export const RUNNING_DIR = '.running';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A marker per running service instance in `DATA_DIR/.running/<pid>-<random>.json`, removed on a clean
 * shutdown. Restore refuses while a marker names a live process on this host; a marker left by a crash
 * (`kill -9`) names a dead process and is ignored. Not a mutual exclusion between services (several
 * instances may share a DATA_DIR with MySQL): it tells the offline commands that one is running.
 */
export class InstanceLock {
  private constructor(private readonly file: string) {}

  static acquire(dataDir: string, info: Omit<InstanceInfo, 'pid' | 'host' | 'startedAt'>, now = new Date()): InstanceLock {
    const dir = join(dataDir, RUNNING_DIR);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${process.pid}-${randomBytes(4).toString('hex')}.json`);
    const body: InstanceInfo = { pid: process.pid, host: hostname(), startedAt: now.toISOString(), ...info };
    writeFileSync(file, JSON.stringify(body) + '\n', { mode: 0o644 });
    return new InstanceLock(file);
  }

  release(): void {
    rmSync(this.file, { force: true });
  }

  /** Instances on this host whose process is alive; stale markers are removed. */
  static live(dataDir: string): LiveInstance[] {
    const dir = join(dataDir, RUNNING_DIR);
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => n.endsWith('.json'));
    } catch {
      return [];
    }
    const found: LiveInstance[] = [];
    for (const name of names) {
      const file = join(dir, name);
      let info: InstanceInfo;
      try {
        info = JSON.parse(readFileSync(file, 'utf8')) as InstanceInfo;
      } catch {
        continue;
      }
      if (info.host !== hostname()) continue; // another machine: cannot tell, and not this DATA_DIR's disk
      if (alive(info.pid)) found.push({ ...info, file });
      else rmSync(file, { force: true });
    }
    return found;
  }
}

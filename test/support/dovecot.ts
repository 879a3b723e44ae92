import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, it } from '@jest/globals';

/** Debian's Dovecot (`apt-get install dovecot-imapd`), started per spec with a private configuration. */
export const DOVECOT_PATH = process.env.DOVECOT_PATH ?? '/usr/sbin/dovecot';
/** Set by .ci/run: a missing Dovecot fails the IMAP tests instead of skipping them. */
export const REQUIRE_DOVECOT = process.env.REQUIRE_DOVECOT === '1';

export const dovecotFound = (): boolean => existsSync(DOVECOT_PATH);

/**
 * `describe` for a spec that needs a real IMAP server. Without Dovecot it is skipped with a visible
 * reason, or, under REQUIRE_DOVECOT=1, fails with one test that says what is missing.
 */
export function describeDovecot(name: string, body: () => void): void {
  if (dovecotFound()) {
    describe(name, body);
  } else if (REQUIRE_DOVECOT) {
    describe(name, () => {
      it('needs Dovecot (REQUIRE_DOVECOT=1)', () => {
        throw new Error(`REQUIRE_DOVECOT=1 but no Dovecot at ${DOVECOT_PATH}: apt-get install dovecot-imapd, or set DOVECOT_PATH.`);
      });
    });
  } else {
    process.stderr.write(`\nIMAP 测试已跳过：未找到 Dovecot（${DOVECOT_PATH}）；apt-get install dovecot-imapd\nIMAP tests skipped: no Dovecot at ${DOVECOT_PATH}; set REQUIRE_DOVECOT=1 to fail instead.\n\n`);
    describe.skip(name, body);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The mail user's uid/gid: Dovecot refuses root as a mail user, so as root the Debian `dovecot` user. */
function mailOwner(): { name: string; uid: number; gid: number } {
  const me = userInfo();
  if (me.uid !== 0) return { name: me.username, uid: me.uid, gid: me.gid };
  const uid = Number(execFileSync('id', ['-u', 'dovecot'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'dovecot'], { encoding: 'utf8' }).trim());
  return { name: 'dovecot', uid, gid };
}

/**
 * A Dovecot of the test's own: a temporary directory with dovecot.conf (IMAP only on 127.0.0.1 and a free
 * port, no TLS, plain-text login, a passwd-file with one user, Maildir in the directory), run in the
 * foreground (`dovecot -F -c …`) as a child process that `stop()` ends.
 */
export class DovecotServer {
  readonly user = 'organizer';
  readonly password = 'imap-test-2026';
  port = 0;
  private dir = '';
  private child: ChildProcess | null = null;

  get url(): string {
    return `imap://${this.user}:${this.password}@127.0.0.1:${this.port}/INBOX`;
  }

  async start(): Promise<void> {
    this.dir = mkdtempSync(join(tmpdir(), 'xf-dovecot-'));
    chmodSync(this.dir, 0o755);
    const owner = mailOwner();
    for (const sub of ['run', 'state', 'mail', 'home']) mkdirSync(join(this.dir, sub));
    for (const sub of ['mail', 'home']) chownSync(join(this.dir, sub), owner.uid, owner.gid);
    writeFileSync(join(this.dir, 'users'), `${this.user}:{PLAIN}${this.password}::::::\n`);
    this.port = await freePort();
    const root = userInfo().uid === 0;
    const d = this.dir;
    writeFileSync(
      join(d, 'dovecot.conf'),
      [
        `base_dir = ${d}/run`,
        `state_dir = ${d}/state`,
        `log_path = ${d}/dovecot.log`,
        'protocols = imap',
        'listen = 127.0.0.1',
        'ssl = no',
        'disable_plaintext_auth = no',
        'auth_mechanisms = plain login',
        `default_internal_user = ${root ? 'dovecot' : owner.name}`,
        `default_internal_group = ${root ? 'dovecot' : owner.name}`,
        `default_login_user = ${root ? 'dovenull' : owner.name}`,
        'login_trusted_networks = 127.0.0.0/8',
        `first_valid_uid = ${owner.uid}`,
        `first_valid_gid = ${owner.gid}`,
        `mail_location = maildir:${d}/mail/%u`,
        'passdb {',
        '  driver = passwd-file',
        `  args = scheme=PLAIN username_format=%u ${d}/users`,
        '}',
        'userdb {',
        '  driver = static',
        `  args = uid=${owner.uid} gid=${owner.gid} home=${d}/home/%u`,
        '}',
        'service imap-login {',
        '  inet_listener imap {',
        '    address = 127.0.0.1',
        `    port = ${this.port}`,
        '  }',
        '  inet_listener imaps {',
        '    port = 0',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    this.child = spawn(DOVECOT_PATH, ['-F', '-c', join(d, 'dovecot.conf')], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      if (await accepting(this.port)) return;
      if (this.child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await this.stop();
    throw new Error(`Dovecot did not start on 127.0.0.1:${this.port}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]);
      clearTimeout(timer);
    }
    if (this.dir && process.env.DOVECOT_KEEP !== '1') rmSync(this.dir, { recursive: true, force: true });
    this.dir = '';
  }
}

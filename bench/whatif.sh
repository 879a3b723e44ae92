#!/bin/sh
# Builds patched copies of a snapshot (see snapshot.sh) to measure proposed src changes side by side,
# without touching src/ in this checkout:
#
#   sh bench/snapshot.sh /tmp/xf-bench && sh bench/whatif.sh /tmp/xf-bench
#   cd /tmp/xf-bench && node dist/bench/post-cases.js --variant lock=/tmp/xf-bench-lock --variant lock+jwt=/tmp/xf-bench-lockjwt
#
# lock:     the counter row is locked last in the registration transaction: event first, then
#           `INSERT … ON DUPLICATE KEY UPDATE lastSeq = LAST_INSERT_ID(lastSeq + 1)` (no SELECT),
#           then the case INSERT without TypeORM's reload SELECT (`updateEntity(false)`).
# lock+jwt: the above, and the JWT secret given to JwtModule as a KeyObject (jsonwebtoken otherwise
#           tries createPublicKey() on the string secret, and throws, on every request).
# ledger:   the ledger sorts by `c.dueAt, c.code` over `c.dueAt IS NOT NULL` instead of
#           `CASE WHEN c.dueAt IS NULL ...`, so an index can deliver the first page in order; the count
#           keeps the unchanged filter. FIRST PAGE ONLY: it drops cases without a deadline instead of
#           listing them after the others (the real change needs a second query for those), so use it
#           only for page 1 of filters with >= pageSize cases that have a deadline (ledger-whatif.ts
#           adds the proposed indexes).
# A variant whose patch no longer applies (src changed) is skipped with a message.
set -eu
BASE=${1:-/tmp/xf-bench}
patch_tree() { # name, python patch
  DEST="$BASE-$1"
  rm -rf "$DEST"
  cp -a "$BASE" "$DEST"
  if (cd "$DEST" && python3 -c "$2" 2>/dev/null); then
    (cd "$DEST" && { ./node_modules/.bin/tsc -p bench/tsconfig.json >/dev/null 2>&1 || true; } && echo "variant $1" >> SNAPSHOT)
    echo "$DEST"
  else
    rm -rf "$DEST"
    echo "variant $1: the patch no longer applies to this snapshot (src changed), skipped" >&2
  fi
}
LOCK='
import re
def sub(path, old, new):
    s = open(path).read()
    assert old in s, (path, old[:60])
    open(path, "w").write(s.replace(old, new))
sub("src/cases/case.repository.ts", """      await em.query(\x27INSERT INTO case_counters (`year`, lastSeq) VALUES (?, 1) ON DUPLICATE KEY UPDATE lastSeq = lastSeq + 1\x27, [year]);
      const rows: { lastSeq: number }[] = await em.query(\x27SELECT lastSeq FROM case_counters WHERE `year` = ?\x27, [year]);
      return Number(rows[0].lastSeq);""", """      const result: { insertId: number } = await em.query(
        \x27INSERT INTO case_counters (`year`, lastSeq) VALUES (?, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE lastSeq = LAST_INSERT_ID(lastSeq + 1)\x27,
        [year],
      );
      return Number(result.insertId);""")
sub("src/cases/case.repository.ts", "    await em.insert(PetitionCase, asRow(petitionCase));", "    await em.createQueryBuilder().insert().into(PetitionCase).values(asRow(petitionCase)).updateEntity(false).execute();")
sub("src/cases/intake.service.ts", """        const seq = await this.repo.nextSequence(em, year);
        const stored: PetitionCase = { ...draft, code: `XF-${year}-${String(seq).padStart(6, \x270\x27)}` };
        await this.repo.insert(em, stored);
        await this.repo.appendEvents(em, [this.registrationEvent(stored, actor)]);""", """        await this.repo.appendEvents(em, [this.registrationEvent({ ...draft, code: \x27\x27 }, actor)]);
        const seq = await this.repo.nextSequence(em, year);
        const stored: PetitionCase = { ...draft, code: `XF-${year}-${String(seq).padStart(6, \x270\x27)}` };
        await this.repo.insert(em, stored);""")
'
JWT='
def sub(path, old, new):
    s = open(path).read()
    assert old in s, (path, old[:60])
    open(path, "w").write(s.replace(old, new))
sub("src/auth/auth.module.ts", "useFactory: (config: AppConfig) => ({ secret: config.jwtSecret,", "useFactory: (config: AppConfig) => ({ secret: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as string,")
s = open("src/auth/auth.module.ts").read()
open("src/auth/auth.module.ts", "w").write("import { createSecretKey } from \x27node:crypto\x27;\n" + s)
'
LEDGER='
def sub(path, old, new):
    s = open(path).read()
    assert old in s, (path, old[:60])
    open(path, "w").write(s.replace(old, new))
p = "src/cases/case.repository.ts"
sub(p, "    this.applyFilter(qb, filter, now);\n    const [column, direction] = SORTS[sort];\n    if (column === \x27c.dueAt\x27) qb.orderBy(\x27CASE WHEN c.dueAt IS NULL THEN 1 ELSE 0 END\x27, \x27ASC\x27).addOrderBy(column, direction);",
       "    this.applyFilter(qb, filter, now);\n    const countQb = qb.clone();\n    const [column, direction] = SORTS[sort];\n    if (column === \x27c.dueAt\x27) qb.andWhere(\x27c.dueAt IS NOT NULL\x27).orderBy(column, direction);")
sub(p, "qb.clone().orderBy().skip(undefined).take(undefined).getCount()", "countQb.getCount()")
'
patch_tree lock "$LOCK"
patch_tree ledger "$LEDGER"
patch_tree lockjwt "$LOCK
$JWT"

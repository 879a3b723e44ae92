#!/usr/bin/env bash
# Production (MySQL/MariaDB) backups of the petition office database: see docs/backup.md.
#
#   scripts/backup-mysql.sh backup  <directory>   consistent dump (--single-transaction), gzip, optional
#                                                  encryption with BACKUP_PASSPHRASE, SHA-256, and a row in
#                                                  backup_runs so GET /health shows it
#   scripts/backup-mysql.sh check   <dump file>   restore check: checksum, load into a scratch database,
#                                                  counts and consistency (gap-free codes, migrations), drop it
#   scripts/backup-mysql.sh restore <dump file>   load into the (empty) database of DATABASE_URL, then run
#                                                  the pending migrations (npm run migration:run)
#
# Reads DATABASE_URL (mysql://user:pass@host:port/db or mariadb://…) and BACKUP_PASSPHRASE from the
# environment. The password goes to the client through MYSQL_PWD, never on the command line.
#
# Key custody: the dump holds the personal-data columns encrypted with PII_KEY, and never the keys.
# PII_KEY (and PII_KEY_PREVIOUS during a rotation) and JWT_SECRET live in the operator's secret store;
# keep a copy of them apart from the dumps (a sealed envelope in the office safe, a second vault).
# Without PII_KEY no ID number, phone or address in any dump can ever be read again.
set -euo pipefail

die() { printf '%s\n' "$*" >&2; exit 2; }
say() { printf '%s\n' "$*"; }

[ -n "${DATABASE_URL:-}" ] || die "需要 DATABASE_URL · DATABASE_URL is required"
eval "$(node -e '
  const u = new URL(process.env.DATABASE_URL.replace(/^mariadb:/, "mysql:"));
  const q = (s) => "\x27" + String(s).replace(/\x27/g, "\x27\\\x27\x27") + "\x27";
  console.log(`DB_HOST=${q(u.hostname || "127.0.0.1")} DB_PORT=${q(u.port || "3306")} DB_USER=${q(decodeURIComponent(u.username || "root"))} DB_PASS=${q(decodeURIComponent(u.password))} DB_NAME=${q(decodeURIComponent(u.pathname.slice(1)))}`);
')"
[ -n "$DB_NAME" ] || die "DATABASE_URL 未指定数据库 · DATABASE_URL names no database"
export MYSQL_PWD="$DB_PASS"
DUMP=$(command -v mariadb-dump || command -v mysqldump) || die "未找到 mariadb-dump / mysqldump · mariadb-dump or mysqldump not found"
CLIENT=$(command -v mariadb || command -v mysql) || die "未找到 mariadb / mysql 客户端 · mariadb or mysql client not found"
sql() { "$CLIENT" -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" --batch --skip-column-names "$@"; }
now_utc() { date -u +'%F %T.%3N'; }
human() { numfmt --to=iec-i --suffix=B "$1" 2>/dev/null || printf '%s bytes' "$1"; }

# Row counts of the tables that matter, as JSON, in database $1.
counts_json() {
  sql "$1" -e "SELECT CONCAT('{', GROUP_CONCAT(CONCAT('\"', t, '\":', n)), '}') FROM (
    SELECT 'cases' t, COUNT(*) n FROM cases UNION ALL SELECT 'case_events', COUNT(*) FROM case_events
    UNION ALL SELECT 'meetings', COUNT(*) FROM meetings UNION ALL SELECT 'outbox_jobs', COUNT(*) FROM outbox_jobs
    UNION ALL SELECT 'users', COUNT(*) FROM users) c"
}

record_run() { # ok location size encrypted error details started
  local location
  location=$(printf '%s' "$2" | sed "s/'/''/g")
  sql "$DB_NAME" -e "INSERT INTO backup_runs (id, startedAt, finishedAt, kind, ok, location, sizeBytes, encrypted, keysIncluded, error, details)
    VALUES (UUID(), '$7', UTC_TIMESTAMP(3), 'mysqldump', $1, '$location', $3, $4, 0, $5, '$6')" 2>/dev/null \
    || say "（未能写入 backup_runs：迁移未运行？· could not record the run in backup_runs: migrations not run?）"
}

backup() {
  local dir=${1:?用法 usage: backup <directory>} started file tmp size enc=0 counts
  mkdir -p "$dir" && chmod 700 "$dir"
  started=$(now_utc)
  file="$dir/xf-mysql-$(date -u +%Y%m%dT%H%M%SZ).sql.gz"
  [ -n "${BACKUP_PASSPHRASE:-}" ] && { file="$file.enc"; enc=1; }
  tmp="$file.partial"
  say "正在导出 $DB_NAME（--single-transaction，不锁表）· dumping $DB_NAME (--single-transaction, no locks)"
  if ! {
    "$DUMP" -h "$DB_HOST" -P "$DB_PORT" -u "$DB_USER" --single-transaction --quick --routines --triggers --events \
      --hex-blob --default-character-set=utf8mb4 --no-tablespaces "$DB_NAME" | gzip -6 |
      if [ "$enc" = 1 ]; then openssl enc -aes-256-cbc -salt -pbkdf2 -iter 600000 -pass env:BACKUP_PASSPHRASE; else cat; fi > "$tmp"
  }; then
    rm -f "$tmp"
    record_run 0 "" NULL "$enc" "'mysqldump failed'" '{}' "$started"
    die "导出失败 · the dump failed"
  fi
  chmod 600 "$tmp" && mv "$tmp" "$file"
  (cd "$(dirname "$file")" && sha256sum "$(basename "$file")" > "$(basename "$file").sha256")
  size=$(stat -c %s "$file")
  counts=$(counts_json "$DB_NAME")
  record_run 1 "$file" "$size" "$enc" NULL "{\"counts\":$counts,\"sha256\":\"$(cut -d' ' -f1 "$file.sha256")\"}" "$started"
  say "备份完成 · backup written: $file ($(human "$size"))"
  say "  导出开始时的行数（约）· rows when the dump began (approx.): $counts"
  [ "$enc" = 1 ] || say "  警告：未加密（未设置 BACKUP_PASSPHRASE）· WARNING: not encrypted (BACKUP_PASSPHRASE not set)"
  say "  密钥不在备份中：PII_KEY / JWT_SECRET 须另行保管 · the keys are not in the dump: keep PII_KEY and JWT_SECRET apart"
}

# Decompressed SQL of a dump file on stdout.
plain() {
  local file=$1
  if [[ "$file" == *.enc ]]; then
    [ -n "${BACKUP_PASSPHRASE:-}" ] || die "此备份已加密：请设置 BACKUP_PASSPHRASE · this dump is encrypted: set BACKUP_PASSPHRASE"
    openssl enc -d -aes-256-cbc -pbkdf2 -iter 600000 -pass env:BACKUP_PASSPHRASE -in "$file" | gunzip
  else
    gunzip -c "$file"
  fi
}

verify_checksum() {
  local file=$1
  [ -f "$file.sha256" ] || die "缺少校验文件 $file.sha256 · missing checksum file"
  (cd "$(dirname "$file")" && sha256sum --quiet -c "$(basename "$file").sha256") || die "校验和不符：备份已损坏或被篡改 · checksum mismatch: the dump is damaged or was tampered with"
}

# Consistency of a loaded database $1: codes gap-free per year and equal to the counters.
consistency() {
  sql "$1" -e "SELECT CONCAT(y.yr, ': ', y.n, ' cases, last ', IFNULL(cc.lastSeq, 0), IF(y.n = IFNULL(cc.lastSeq, 0) AND y.mx = y.n, ' ok', ' MISMATCH'))
    FROM (SELECT CAST(SUBSTRING(code, 4, 4) AS UNSIGNED) yr, COUNT(*) n, MAX(CAST(SUBSTRING(code, 9) AS UNSIGNED)) mx FROM cases GROUP BY yr) y
    LEFT JOIN case_counters cc ON cc.year = y.yr ORDER BY y.yr"
}

SCRATCH=''
drop_scratch() { [ -z "$SCRATCH" ] || sql -e "DROP DATABASE IF EXISTS \`$SCRATCH\`"; }

check() {
  local file=${1:?用法 usage: check <dump file>} scratch out
  verify_checksum "$file"
  scratch="${DB_NAME}_restore_check_$(date -u +%s)"
  say "恢复检查：载入临时库 $scratch · restore check: loading into scratch database $scratch"
  sql -e "CREATE DATABASE \`$scratch\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  SCRATCH=$scratch
  trap drop_scratch EXIT
  plain "$file" | sql "$scratch" || die "解密或载入失败：口令错误或备份已损坏 · could not decrypt or load: wrong passphrase or a damaged dump"
  say "  行数 · rows: $(counts_json "$scratch")"
  say "  最后迁移 · last migration: $(sql "$scratch" -e 'SELECT name FROM migrations ORDER BY id DESC LIMIT 1')"
  out=$(consistency "$scratch")
  say "  编号连续性 · gap-free codes: ${out//$'\n'/; }"
  [[ "$out" != *MISMATCH* ]] || die "编号与计数器不一致 · codes and counters disagree"
  say "检查通过 · check passed (个人信息字段需用 PII_KEY 解密；用 npm run rotate-pii-key -- --status 可查看各密钥下的字段数 · the personal-data fields need PII_KEY: npm run rotate-pii-key -- --status lists them per key)"
}

restore() {
  local file=${1:?用法 usage: restore <dump file>} tables
  verify_checksum "$file"
  tables=$(sql "$DB_NAME" -e "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()")
  [ "$tables" = 0 ] || die "数据库 $DB_NAME 不为空（$tables 张表）：只恢复到空库 · database $DB_NAME is not empty ($tables tables): restore only into an empty one"
  say "正在载入 $file → $DB_NAME · loading $file → $DB_NAME"
  plain "$file" | sql "$DB_NAME" || die "解密或载入失败：口令错误或备份已损坏 · could not decrypt or load: wrong passphrase or a damaged dump"
  say "  行数 · rows: $(counts_json "$DB_NAME")"
  say "  编号连续性 · gap-free codes: $(consistency "$DB_NAME" | tr '\n' ';')"
  say "运行待执行的迁移 · running pending migrations: npm run migration:run"
  node scripts/build-if-needed.mjs && npm run --silent migration:run
}

case "${1:-}" in
  backup) shift; backup "$@" ;;
  check) shift; check "$@" ;;
  restore) shift; restore "$@" ;;
  *) die "用法 usage: scripts/backup-mysql.sh backup <dir> | check <dump> | restore <dump>" ;;
esac

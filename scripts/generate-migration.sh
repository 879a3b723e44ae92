#!/usr/bin/env bash
# Regenerates the SQL of a schema migration from the entities, for both dialects (see docs/migrations.md).
# Usage: scripts/generate-migration.sh <ClassName> <timestamp> <output.ts>   (needs MariaDB on 127.0.0.1)
set -euo pipefail
out=$(mktemp -d)
npx tsc --ignoreConfig --outDir "$out" --rootDir . --module nodenext --moduleResolution nodenext --target ES2022 \
  --experimentalDecorators --emitDecoratorMetadata --skipLibCheck --resolveJsonModule --types node scripts/schema-sql.ts
cp package.json "$out/"
ln -sfn "$PWD/node_modules" "$out/node_modules"
mysql -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS xf_schema; CREATE DATABASE xf_schema CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
DATABASE_URL=mysql://root@127.0.0.1:3306/xf_schema node "$out/scripts/schema-sql.js" "$1" "$2" "$3"
mysql -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS xf_schema"
rm -rf "$out"

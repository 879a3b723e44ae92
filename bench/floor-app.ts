/**
 * The floor for `POST /cases`: a bare NestJS app with one controller that inserts one row via
 * TypeORM/mysql2 into `floor_cases` (created by the benchmark as `CREATE TABLE floor_cases LIKE cases`,
 * so the row has the same width and the same indexes as a case). No auth, validation, rules or
 * lookups: what is left is Nest + JSON body + one INSERT, the cost any implementation pays.
 *
 * Env: FLOOR_DATABASE_URL (mysql://…/bench_*), FLOOR_TABLE (default floor_cases), PORT, DB_POOL_SIZE.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, Module, type OnApplicationShutdown, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';

const TABLE = process.env.FLOOR_TABLE ?? 'floor_cases';
if (!/^[a-z_]+$/.test(TABLE)) throw new Error('FLOOR_TABLE must be a plain table name');
const DATA_SOURCE = 'FLOOR_DATA_SOURCE';

interface FloorBody {
  channel?: string;
  receivedAt?: string;
  petitioner?: { name?: string; organisation?: string };
  headcount?: number;
  subject?: string;
  content?: string;
  category?: string;
  region?: string;
  unitsInvolved?: string[];
  deputyReported?: boolean;
  important?: boolean;
  provincialReferral?: boolean;
  leaderInstructed?: boolean;
}

const COLUMNS = [
  'id', 'code', 'channel', 'receivedAt', 'registeredAt', 'status', 'grade', 'petitionerName', 'petitionerOrganisation',
  'headcount', 'subject', 'content', 'category', 'region', 'unitsInvolved', 'deputyReported', 'important',
  'provincialReferral', 'leaderInstructed', 'relatedCaseIds', 'repeatCount', 'similarOpenCases', 'routeCommittee',
  'routeHandledBy', 'routeMode', 'flags', 'ruleSetVersion', 'evaluation', 'acceptDueAt', 'dueAt', 'createdBy',
  'createdAt', 'updatedAt', 'version',
];
const INSERT = `INSERT INTO \`${TABLE}\` (${COLUMNS.map((c) => `\`${c}\``).join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`;
const codePrefix = `FL${Date.now().toString(36)}`;
let counter = 0;

@Controller('floor')
class FloorController {
  constructor(@Inject(DATA_SOURCE) private readonly db: DataSource) {}

  @Get('health')
  health(): { ok: true } {
    return { ok: true };
  }

  @Post()
  @HttpCode(201)
  async insert(@Body() body: FloorBody): Promise<{ id: string; code: string }> {
    const now = new Date();
    const due = new Date(now.getTime() + 15 * 86_400_000);
    const id = randomUUID();
    const code = codePrefix + (counter++).toString(36);
    await this.db.query(INSERT, [
      id, code, body.channel ?? 'letter', new Date(body.receivedAt ?? now), now, 'registered', 'normal',
      body.petitioner?.name ?? '', body.petitioner?.organisation ?? null, body.headcount ?? 1, body.subject ?? '',
      body.content ?? '', body.category ?? 'other', body.region ?? '', JSON.stringify(body.unitsInvolved ?? []),
      body.deputyReported ?? false, body.important ?? false, body.provincialReferral ?? false, body.leaderInstructed ?? false,
      '[]', 0, 0, 'OFFICE', 'OFFICE', 'internal', '[]', 1, '{}', due, due, 'floor', now, now, 1,
    ]);
    return { id, code };
  }
}

@Module({
  controllers: [FloorController],
  providers: [
    {
      provide: DATA_SOURCE,
      useFactory: async (): Promise<DataSource> => {
        const poolSize = Number(process.env.DB_POOL_SIZE ?? 20);
        const ds = new DataSource({
          type: 'mysql',
          url: process.env.FLOOR_DATABASE_URL,
          timezone: 'Z',
          charset: 'utf8mb4_unicode_ci',
          poolSize,
          extra: { connectionLimit: poolSize },
          logging: false,
        });
        return ds.initialize();
      },
    },
  ],
})
class FloorModule implements OnApplicationShutdown {
  constructor(@Inject(DATA_SOURCE) private readonly db: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    await this.db.destroy();
  }
}

const app = await NestFactory.create(FloorModule, { logger: ['error', 'warn'] });
app.enableShutdownHooks();
await app.listen(Number(process.env.PORT ?? 3102), '127.0.0.1');

import { ApiProperty } from '@nestjs/swagger';
import { CATEGORIES } from '../domain/case-vocabulary.js';
import { LEADER_RANKS, type LeaderRank } from '../domain/leader-ranks.js';
import { type Deputy, STATION_KINDS, type StationKind } from './deputy.entity.js';
import type { LeaderBusyBlock } from './leader-busy-block.entity.js';
import type { Leader } from './leader.entity.js';
import type { Room } from './room.entity.js';
import { UNIT_KINDS, type Unit, type UnitKind } from './unit.entity.js';

/**
 * The OpenAPI description of the directory's answers (the console's generated client reads it).
 * Each class implements the entity the route returns, so a column added and forgotten here fails the type check.
 */
export class UnitResponse implements Unit {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'UCEC' }) code!: string;
  @ApiProperty({ example: '城乡建设环境保护委员会' }) name!: string;
  @ApiProperty({ type: String, nullable: true, example: '城建环保委' }) shortName!: string | null;
  @ApiProperty({ type: String, nullable: true }) nameEn!: string | null;
  @ApiProperty({ enum: UNIT_KINDS, enumName: 'UnitKind' }) kind!: UnitKind;
  @ApiProperty({ type: String, isArray: true, description: 'categories handled (see the Category enum)' }) categories!: string[];
  @ApiProperty({ type: String, isArray: true, description: '职责清单 (responsibilities), one per line' }) responsibilities!: string[];
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty() active!: boolean;
}

export class LeaderResponse implements Leader {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '李明华' }) name!: string;
  @ApiProperty({ example: '主任' }) title!: string;
  @ApiProperty({ enum: LEADER_RANKS, enumName: 'LeaderRank' }) rank!: LeaderRank;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) unitCode!: string | null;
  @ApiProperty({ type: String, isArray: true, description: `categories in the leader's portfolio (${CATEGORIES.join(', ')})` }) portfolio!: string[];
  @ApiProperty({ type: String, isArray: true }) regions!: string[];
  @ApiProperty() maxActiveCases!: number;
  @ApiProperty() active!: boolean;
}

export class LeaderBusyBlockResponse implements LeaderBusyBlock {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) leaderId!: string;
  @ApiProperty({ type: String, format: 'date-time' }) startAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) endAt!: Date;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}

export class DeputyResponse implements Deputy {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '律师' }) profession!: string;
  @ApiProperty({ example: '茅箭区代表联络站' }) station!: string;
  @ApiProperty({ enum: STATION_KINDS, enumName: 'StationKind', nullable: true, description: 'station 代表联络站 / home 代表之家' }) stationKind!: StationKind | null;
  @ApiProperty({ type: String, nullable: true }) region!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty() active!: boolean;
}

export class RoomResponse implements Room {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '常委会第三会议室' }) name!: string;
  @ApiProperty({ example: 30, description: 'seats' }) capacity!: number;
  @ApiProperty({ type: String, isArray: true, example: ['投影仪'] }) equipment!: string[];
  @ApiProperty({ type: String, nullable: true, example: '机关大楼三楼' }) location!: string | null;
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'string' } }, nullable: true, example: [['08:30', '12:00'], ['14:30', '17:30']], description: 'null = office hours' })
  availableHours!: [string, string][] | null;
  @ApiProperty() active!: boolean;
}

import { Body, Controller, Get, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/actor.js';
import { ArrayBodyPipe } from '../common/http/array-body.pipe.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import type { Actor } from '../domain/actor.js';
import type { Deputy } from './deputy.entity.js';
import { DeputyResponse, LeaderBusyBlockResponse, LeaderResponse, RoomResponse, UnitResponse } from './directory-response.js';
import { DirectoryService } from './directory.service.js';
import {
  BusyBlockDto,
  CreateDeputyDto,
  CreateLeaderDto,
  CreateRoomDto,
  CreateUnitDto,
  UpdateDeputyDto,
  UpdateLeaderDto,
  UpdateRoomDto,
  UpdateUnitDto,
} from './dto/directory.dto.js';
import type { LeaderBusyBlock } from './leader-busy-block.entity.js';
import type { Leader } from './leader.entity.js';
import type { Room } from './room.entity.js';
import type { Unit } from './unit.entity.js';

/**
 * 通讯录: units, leaders, deputies and rooms. Units, deputies and rooms answer under `/directory/…` (the console's
 * paths) and under their first paths (`/units`, `/deputies`, `/rooms`); every change is audited.
 */
@ApiTags('directory')
@ApiBearerAuth()
@Controller()
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  // Every role, handling units included (they name the units of their cases; the list holds no personal data).
  @Roles('admin', 'secretariat', 'leader', 'auditor', 'unit')
  @ApiOkResponse({ type: UnitResponse, isArray: true })
  @Get(['units', 'directory/units'])
  listUnits(): Promise<Unit[]> {
    return this.directory.listUnits();
  }

  @ApiOkResponse({ type: UnitResponse })
  @Get(['units/:id', 'directory/units/:id'])
  getUnit(@Param('id', UuidPipe) id: string): Promise<Unit> {
    return this.directory.getUnit(id);
  }

  @Roles('admin')
  @ApiCreatedResponse({ type: UnitResponse })
  @Post(['units', 'directory/units'])
  createUnit(@Body() body: CreateUnitDto, @CurrentActor() actor: Actor): Promise<Unit> {
    return this.directory.createUnit(body, actor);
  }

  @Roles('admin')
  @ApiOkResponse({ type: UnitResponse })
  @Patch(['units/:id', 'directory/units/:id'])
  updateUnit(@Param('id', UuidPipe) id: string, @Body() body: UpdateUnitDto, @CurrentActor() actor: Actor): Promise<Unit> {
    return this.directory.updateUnit(id, body, actor);
  }

  @ApiOkResponse({ type: LeaderResponse, isArray: true })
  @Get('leaders')
  listLeaders(): Promise<Leader[]> {
    return this.directory.listLeaders();
  }

  @ApiOkResponse({ type: LeaderResponse })
  @Get('leaders/:id')
  getLeader(@Param('id', UuidPipe) id: string): Promise<Leader> {
    return this.directory.getLeader(id);
  }

  @Roles('admin')
  @ApiCreatedResponse({ type: LeaderResponse })
  @Post('leaders')
  createLeader(@Body() body: CreateLeaderDto, @CurrentActor() actor: Actor): Promise<Leader> {
    return this.directory.createLeader(body, actor);
  }

  @Roles('admin')
  @ApiOkResponse({ type: LeaderResponse })
  @Patch('leaders/:id')
  updateLeader(@Param('id', UuidPipe) id: string, @Body() body: UpdateLeaderDto, @CurrentActor() actor: Actor): Promise<Leader> {
    return this.directory.updateLeader(id, body, actor);
  }

  @Roles('admin', 'secretariat')
  @ApiOkResponse({ type: LeaderBusyBlockResponse, isArray: true })
  @Get('leaders/:id/busy')
  busy(@Param('id', UuidPipe) id: string): Promise<LeaderBusyBlock[]> {
    return this.directory.busyBlocks(id);
  }

  @Roles('admin', 'secretariat')
  @ApiBody({ type: [BusyBlockDto] })
  @ApiOkResponse({ type: LeaderBusyBlockResponse, isArray: true })
  @Put('leaders/:id/busy')
  replaceBusy(
    @Param('id', UuidPipe) id: string,
    @Body(new ArrayBodyPipe(BusyBlockDto, 500)) blocks: BusyBlockDto[],
    @CurrentActor() actor: Actor,
  ): Promise<LeaderBusyBlock[]> {
    return this.directory.replaceBusyBlocks(id, blocks, actor);
  }

  @ApiOkResponse({ type: DeputyResponse, isArray: true })
  @Get(['deputies', 'directory/deputies'])
  listDeputies(): Promise<Deputy[]> {
    return this.directory.listDeputies();
  }

  @Roles('admin', 'secretariat')
  @ApiCreatedResponse({ type: DeputyResponse })
  @Post(['deputies', 'directory/deputies'])
  createDeputy(@Body() body: CreateDeputyDto, @CurrentActor() actor: Actor): Promise<Deputy> {
    return this.directory.createDeputy(body, actor);
  }

  @Roles('admin', 'secretariat')
  @ApiOkResponse({ type: DeputyResponse })
  @Patch(['deputies/:id', 'directory/deputies/:id'])
  updateDeputy(@Param('id', UuidPipe) id: string, @Body() body: UpdateDeputyDto, @CurrentActor() actor: Actor): Promise<Deputy> {
    return this.directory.updateDeputy(id, body, actor);
  }

  /** 会议室: rooms for meetings and receptions (inactive ones stay listed, marked). */
  @Roles('admin', 'secretariat', 'auditor')
  @ApiOkResponse({ type: RoomResponse, isArray: true })
  @Get(['directory/rooms', 'rooms'])
  listRooms(): Promise<Room[]> {
    return this.directory.listRooms();
  }

  @Roles('admin')
  @ApiCreatedResponse({ type: RoomResponse })
  @Post(['directory/rooms', 'rooms'])
  createRoom(@Body() body: CreateRoomDto, @CurrentActor() actor: Actor): Promise<Room> {
    return this.directory.createRoom(body, actor);
  }

  @Roles('admin')
  @ApiOkResponse({ type: RoomResponse })
  @Patch(['directory/rooms/:id', 'rooms/:id'])
  updateRoom(@Param('id', UuidPipe) id: string, @Body() body: UpdateRoomDto, @CurrentActor() actor: Actor): Promise<Room> {
    return this.directory.updateRoom(id, body, actor);
  }
}

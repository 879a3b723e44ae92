import { Body, Controller, Get, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/actor.js';
import { ArrayBodyPipe } from '../common/http/array-body.pipe.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import type { Deputy } from './deputy.entity.js';
import { DeputyResponse, LeaderBusyBlockResponse, LeaderResponse, UnitResponse } from './directory-response.js';
import { DirectoryService } from './directory.service.js';
import { BusyBlockDto, CreateDeputyDto, CreateLeaderDto, CreateUnitDto, UpdateLeaderDto, UpdateUnitDto } from './dto/directory.dto.js';
import type { LeaderBusyBlock } from './leader-busy-block.entity.js';
import type { Leader } from './leader.entity.js';
import type { Unit } from './unit.entity.js';

@ApiTags('directory')
@ApiBearerAuth()
@Controller()
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @ApiOkResponse({ type: UnitResponse, isArray: true })
  @Get('units')
  listUnits(): Promise<Unit[]> {
    return this.directory.listUnits();
  }

  @ApiOkResponse({ type: UnitResponse })
  @Get('units/:id')
  getUnit(@Param('id', UuidPipe) id: string): Promise<Unit> {
    return this.directory.getUnit(id);
  }

  @Roles('admin')
  @ApiCreatedResponse({ type: UnitResponse })
  @Post('units')
  createUnit(@Body() body: CreateUnitDto): Promise<Unit> {
    return this.directory.createUnit(body);
  }

  @Roles('admin')
  @ApiOkResponse({ type: UnitResponse })
  @Patch('units/:id')
  updateUnit(@Param('id', UuidPipe) id: string, @Body() body: UpdateUnitDto): Promise<Unit> {
    return this.directory.updateUnit(id, body);
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
  createLeader(@Body() body: CreateLeaderDto): Promise<Leader> {
    return this.directory.createLeader(body);
  }

  @Roles('admin')
  @ApiOkResponse({ type: LeaderResponse })
  @Patch('leaders/:id')
  updateLeader(@Param('id', UuidPipe) id: string, @Body() body: UpdateLeaderDto): Promise<Leader> {
    return this.directory.updateLeader(id, body);
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
  ): Promise<LeaderBusyBlock[]> {
    return this.directory.replaceBusyBlocks(id, blocks);
  }

  @ApiOkResponse({ type: DeputyResponse, isArray: true })
  @Get('deputies')
  listDeputies(): Promise<Deputy[]> {
    return this.directory.listDeputies();
  }

  @Roles('admin', 'secretariat')
  @ApiCreatedResponse({ type: DeputyResponse })
  @Post('deputies')
  createDeputy(@Body() body: CreateDeputyDto): Promise<Deputy> {
    return this.directory.createDeputy(body);
  }
}

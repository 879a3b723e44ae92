import { Body, Controller, Get, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/actor.js';
import { ArrayBodyPipe } from '../common/http/array-body.pipe.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import type { Deputy } from './deputy.entity.js';
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

  @Get('units')
  listUnits(): Promise<Unit[]> {
    return this.directory.listUnits();
  }

  @Get('units/:id')
  getUnit(@Param('id', UuidPipe) id: string): Promise<Unit> {
    return this.directory.getUnit(id);
  }

  @Roles('admin')
  @Post('units')
  createUnit(@Body() body: CreateUnitDto): Promise<Unit> {
    return this.directory.createUnit(body);
  }

  @Roles('admin')
  @Patch('units/:id')
  updateUnit(@Param('id', UuidPipe) id: string, @Body() body: UpdateUnitDto): Promise<Unit> {
    return this.directory.updateUnit(id, body);
  }

  @Get('leaders')
  listLeaders(): Promise<Leader[]> {
    return this.directory.listLeaders();
  }

  @Get('leaders/:id')
  getLeader(@Param('id', UuidPipe) id: string): Promise<Leader> {
    return this.directory.getLeader(id);
  }

  @Roles('admin')
  @Post('leaders')
  createLeader(@Body() body: CreateLeaderDto): Promise<Leader> {
    return this.directory.createLeader(body);
  }

  @Roles('admin')
  @Patch('leaders/:id')
  updateLeader(@Param('id', UuidPipe) id: string, @Body() body: UpdateLeaderDto): Promise<Leader> {
    return this.directory.updateLeader(id, body);
  }

  @Roles('admin', 'secretariat')
  @Get('leaders/:id/busy')
  busy(@Param('id', UuidPipe) id: string): Promise<LeaderBusyBlock[]> {
    return this.directory.busyBlocks(id);
  }

  @Roles('admin', 'secretariat')
  @ApiBody({ type: [BusyBlockDto] })
  @Put('leaders/:id/busy')
  replaceBusy(
    @Param('id', UuidPipe) id: string,
    @Body(new ArrayBodyPipe(BusyBlockDto, 500)) blocks: BusyBlockDto[],
  ): Promise<LeaderBusyBlock[]> {
    return this.directory.replaceBusyBlocks(id, blocks);
  }

  @Get('deputies')
  listDeputies(): Promise<Deputy[]> {
    return this.directory.listDeputies();
  }

  @Roles('admin', 'secretariat')
  @Post('deputies')
  createDeputy(@Body() body: CreateDeputyDto): Promise<Deputy> {
    return this.directory.createDeputy(body);
  }
}

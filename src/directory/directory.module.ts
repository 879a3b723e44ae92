import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Deputy } from './deputy.entity.js';
import { DirectoryController } from './directory.controller.js';
import { DirectoryRepository } from './directory.repository.js';
import { DirectoryService } from './directory.service.js';
import { LeaderBusyBlock } from './leader-busy-block.entity.js';
import { Leader } from './leader.entity.js';
import { Room } from './room.entity.js';
import { Unit } from './unit.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Unit, Leader, LeaderBusyBlock, Deputy, Room])],
  controllers: [DirectoryController],
  providers: [DirectoryRepository, DirectoryService],
  exports: [DirectoryService],
})
export class DirectoryModule {}

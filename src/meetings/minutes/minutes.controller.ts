import { Body, Controller, Get, HttpCode, Param, Post, Put, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../auth/actor.js';
import { UuidPipe } from '../../common/http/uuid.pipe.js';
import { type Actor } from '../../domain/actor.js';
import { MeetingViewResponse } from '../meeting-response.js';
import type { MeetingView } from '../meeting-view.js';
import { MinutesDraftDto } from './dto/minutes.dto.js';
import { MinutesService } from './minutes.service.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 会议纪要: draft, issue, download, send. Every answer but the file is the meeting view with its `minutes`. */
@ApiTags('meetings')
@ApiBearerAuth()
@Controller('meetings')
export class MinutesController {
  constructor(private readonly minutes: MinutesService) {}

  @Roles('admin', 'secretariat')
  @ApiOkResponse({ type: MeetingViewResponse, description: 'the meeting with its draft minutes' })
  @Put(':id/minutes')
  saveDraft(@Param('id', UuidPipe) id: string, @Body() body: MinutesDraftDto, @CurrentActor() actor: Actor): Promise<MeetingView> {
    return this.minutes.saveDraft(id, body, actor);
  }

  @Roles('admin', 'secretariat')
  @HttpCode(200)
  @ApiOkResponse({ type: MeetingViewResponse, description: 'the meeting (held) with its issued, numbered minutes' })
  @Post(':id/minutes/issue')
  issue(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor): Promise<MeetingView> {
    return this.minutes.issue(id, actor);
  }

  @Roles('admin', 'secretariat')
  @HttpCode(200)
  @ApiOkResponse({ type: MeetingViewResponse, description: 'the meeting; each attendee’s mail state in minutes.attendance' })
  @Post(':id/minutes/send')
  send(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor): Promise<MeetingView> {
    return this.minutes.send(id, actor);
  }

  /** The office any time (a draft is marked 草稿); a leader invited and an auditor once issued. */
  @Roles('admin', 'secretariat', 'auditor', 'leader')
  @ApiProduces(DOCX)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'the minutes as .docx (GB/T 9704 layout)' })
  @Get(':id/minutes.docx')
  async docx(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor): Promise<StreamableFile> {
    const file = await this.minutes.docx(id, actor);
    return new StreamableFile(file.content, {
      type: DOCX,
      length: file.content.length,
      disposition: `attachment; filename="minutes.docx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  }
}

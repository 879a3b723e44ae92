import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Public, Roles } from './actor.js';
import { AuthService, type UserView } from './auth.service.js';
import { CreateUserDto, LoginDto, UpdateUserDto } from './dto/auth.dto.js';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  login(@Body() body: LoginDto): Promise<{ accessToken: string; user: UserView }> {
    return this.auth.login(body.username, body.password);
  }

  @ApiBearerAuth()
  @Get('auth/me')
  me(@CurrentActor() actor: Actor): Actor {
    return actor;
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Get('users')
  list(): Promise<UserView[]> {
    return this.auth.listUsers();
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Post('users')
  create(@Body() body: CreateUserDto): Promise<UserView> {
    return this.auth.createUser(body);
  }

  @ApiBearerAuth()
  @Roles('admin')
  @Patch('users/:id')
  update(@Param('id', UuidPipe) id: string, @Body() body: UpdateUserDto): Promise<UserView> {
    return this.auth.updateUser(id, body);
  }
}

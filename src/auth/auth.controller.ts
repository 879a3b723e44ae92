import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import { clientAddress } from './access.guard.js';
import { CurrentActor, Public, Roles } from './actor.js';
import { type Actor, ROLES } from '../domain/actor.js';
import { CurrentUserResponse, PasswordResetResponse, SignedInResponse, UserViewResponse } from './auth-response.js';
import { AuthService, type SignedIn } from './auth.service.js';
import { ChangePasswordDto, CreateUserDto, LoginDto, RefreshDto, UpdateUserDto } from './dto/auth.dto.js';
import type { UserView } from './user-view.js';
import { UsersService } from './users.service.js';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  /** Signs in: a short-lived access token and a refresh token. Repeated failures lock sign-in for a while (429). */
  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ type: SignedInResponse })
  login(@Body() body: LoginDto, @Req() req: Request): Promise<SignedIn> {
    return this.auth.login(body.username, body.password, clientAddress(req));
  }

  /** Exchanges a refresh token for new tokens; the old refresh token stops working. */
  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: SignedInResponse })
  refresh(@Body() body: RefreshDto): Promise<SignedIn> {
    return this.auth.refresh(body.refreshToken);
  }

  /** Ends this session: its access and refresh tokens stop working. */
  @ApiBearerAuth()
  @Roles(...ROLES) // every signed-in user, units included (a unit is denied where @Roles does not name it)
  @Post('auth/logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'signed out' })
  logout(@CurrentActor() actor: Actor): Promise<void> {
    return this.auth.logout(actor);
  }

  /** Changes one's own password: every other session ends; this one continues with the tokens returned. */
  @ApiBearerAuth()
  @Roles(...ROLES) // every signed-in user, units included (a unit is denied where @Roles does not name it)
  @Post('auth/password')
  @HttpCode(200)
  @ApiOkResponse({ type: SignedInResponse })
  changePassword(@CurrentActor() actor: Actor, @Body() body: ChangePasswordDto): Promise<SignedIn> {
    return this.auth.changeOwnPassword(actor, body.currentPassword, body.newPassword);
  }

  @ApiBearerAuth()
  @ApiOkResponse({ type: CurrentUserResponse })
  @Roles(...ROLES) // every signed-in user, units included (a unit is denied where @Roles does not name it)
  @Get('auth/me')
  me(@CurrentActor() actor: Actor): Actor {
    return actor;
  }

  @ApiBearerAuth()
  @Roles('admin')
  @ApiOkResponse({ type: UserViewResponse, isArray: true })
  @Get('users')
  list(): Promise<UserView[]> {
    return this.users.list();
  }

  @ApiBearerAuth()
  @Roles('admin')
  @ApiCreatedResponse({ type: UserViewResponse })
  @Post('users')
  create(@Body() body: CreateUserDto, @CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.create(body, actor);
  }

  /** A new password or role, or `active: false`, ends every session of the user at once. */
  @ApiBearerAuth()
  @Roles('admin')
  @ApiOkResponse({ type: UserViewResponse })
  @Patch('users/:id')
  update(@Param('id', UuidPipe) id: string, @Body() body: UpdateUserDto, @CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.update(id, body, actor);
  }

  /** Signs the user out everywhere. */
  @ApiBearerAuth()
  @Roles('admin')
  @Post('users/:id/sessions/revoke')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'every session of the user ended' })
  revokeSessions(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.users.revokeSessions(id, actor);
  }

  /** Sets a generated temporary password, shown once in the answer; every session of the user ends. */
  @ApiBearerAuth()
  @Roles('admin')
  @Post('users/:id/password-reset')
  @HttpCode(200)
  @ApiOkResponse({ type: PasswordResetResponse })
  resetPassword(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor): Promise<{ temporaryPassword: string }> {
    return this.users.resetPassword(id, actor);
  }
}

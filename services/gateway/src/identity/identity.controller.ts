import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AUTH_SECRET, CurrentPrincipal, Public, Roles, signToken, type Principal } from '@qingyuan/auth';
import { CreateUserDto, SessionDto, SignInDto } from './identity.dto';
import { UserDirectory, type UserSummary } from './user-directory';

export const SESSION_TTL_SECONDS = Symbol('SESSION_TTL_SECONDS');

@ApiTags('auth 登录')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly users: UserDirectory,
    @Inject(AUTH_SECRET) private readonly secret: string,
    @Inject(SESSION_TTL_SECONDS) private readonly ttlSeconds: number,
  ) {}

  @Post('sign-in')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '工作人员登录 / Staff sign-in; 5 failures lock the account for 15 minutes' })
  @ApiOkResponse({ type: SessionDto })
  async signIn(@Body() body: SignInDto): Promise<SessionDto> {
    const principal = await this.users.signIn(body.username, body.password);
    const now = Date.now();
    return {
      token: signToken(principal, this.secret, this.ttlSeconds, now),
      expiresAt: new Date(now + this.ttlSeconds * 1000).toISOString(),
      user: { userId: principal.userId, name: principal.name, roles: principal.roles, towns: principal.towns, departments: principal.departments },
    };
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前用户 / The signed-in user' })
  me(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }
}

@ApiTags('admin 系统管理')
@ApiBearerAuth()
@Controller('api/admin/users')
export class UsersController {
  constructor(private readonly users: UserDirectory) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: '用户列表 / Users' })
  list(): Promise<UserSummary[]> {
    return this.users.list();
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: '新建用户，返回一次性初始密码 / Create a user; the initial password is returned once' })
  create(@Body() body: CreateUserDto, @CurrentPrincipal() admin: Principal): Promise<{ user: UserSummary; password: string }> {
    return this.users.create(body, admin.userId);
  }
}

@ApiTags('admin 系统管理')
@ApiBearerAuth()
@Controller('api/staff')
export class StaffController {
  constructor(private readonly users: UserDirectory) {}

  @Get('inspectors')
  @Roles('enforcement-officer')
  @ApiOperation({ summary: '持有执法检查人员角色的账号（仅 id 与姓名），供编制执法人员库 / Accounts with the inspector role (id and name only), for the inspector pool' })
  inspectors(): Promise<Array<{ userId: string; name: string }>> {
    return this.users.withRole('inspector');
  }
}

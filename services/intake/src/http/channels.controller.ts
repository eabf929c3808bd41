import { Body, Controller, Get, HttpCode, Post, UploadedFiles } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@qingyuan/auth';
import { actorOf, fieldError, validateBody } from '@qingyuan/service-kit';
import { ClueQueries, type ClueSummary } from '../clues/clue.queries';
import { ClueRegistration } from '../clues/registration';
import { PatrolService } from '../patrol/patrol.service';
import { OrganisationReportDto, PatrolCheckInDto, PatrolFindingDto, StaffRegistrationDto } from './channels.dto';
import { bodyParts, JsonOrMultipart } from './multipart';

interface RegisteredAnswer {
  clueId: string;
  receiptCode?: string;
  submittedAt: string;
}

/** The staffed and authenticated channels: hotline and petition staff, organisations, grid workers and river chiefs. */
@ApiTags('channels 线索渠道')
@ApiBearerAuth()
@Controller('api/intake')
export class ChannelsController {
  constructor(
    private readonly registration: ClueRegistration,
    private readonly queries: ClueQueries,
    private readonly patrols: PatrolService,
  ) {}

  @Post('registrations')
  @HttpCode(201)
  @Roles('hotline-staff', 'analyst')
  @JsonOrMultipart(StaffRegistrationDto, '登记内容 / the registration')
  @ApiOperation({ summary: '登记来电、来信、来访、信访、热线、媒体舆情线索 / Register a call, letter, visit, petition, hotline or media clue' })
  async register(
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @UploadedFiles() uploaded?: Express.Multer.File[],
  ): Promise<RegisteredAnswer> {
    const parts = bodyParts(body, uploaded);
    const dto = await validateBody(StaffRegistrationDto, parts.json, 'report');
    if (dto.channel === 'media' && !dto.link) throw fieldError('link', '媒体舆情线索请填写来源链接', 'is required for a media clue');
    const result = await this.registration.register(
      {
        channel: dto.channel,
        category: dto.category,
        description: dto.description,
        observedAt: dto.observedAt,
        location: dto.location,
        anonymous: dto.anonymous,
        insider: dto.insider,
        identity: dto.reporter,
        source: { referenceNumber: dto.referenceNumber, link: dto.link },
        files: parts.files,
        // A caller or a petitioner can follow the matter like a web reporter; a media source cannot.
        withReceipt: dto.channel !== 'media',
      },
      actorOf(principal),
    );
    return { clueId: result.clueId, receiptCode: result.receiptCode, submittedAt: result.submittedAt };
  }

  @Post('organisation-reports')
  @HttpCode(201)
  @Roles('organisation')
  @JsonOrMultipart(OrganisationReportDto, '线索内容 / the clue')
  @ApiOperation({ summary: '组织账号提交线索（社会组织、环保管家、行业协会、技术服务机构）/ A clue from an organisation account' })
  async organisationReport(
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @UploadedFiles() uploaded?: Express.Multer.File[],
  ): Promise<RegisteredAnswer> {
    if (!principal.organisation) throw fieldError('organisation', '该账号未关联组织', 'this account has no organisation');
    const parts = bodyParts(body, uploaded);
    const dto = await validateBody(OrganisationReportDto, parts.json, 'report');
    const result = await this.registration.register(
      {
        channel: 'organisation',
        category: dto.category,
        description: dto.description,
        observedAt: dto.observedAt,
        location: dto.location,
        anonymous: true,
        source: { organisation: principal.organisation, link: dto.link },
        files: parts.files,
        withReceipt: true,
      },
      actorOf(principal),
    );
    return { clueId: result.clueId, receiptCode: result.receiptCode, submittedAt: result.submittedAt };
  }

  @Post('patrol/findings')
  @HttpCode(201)
  @Roles('grid-worker', 'river-chief')
  @JsonOrMultipart(PatrolFindingDto, '巡查发现 / the finding')
  @ApiOperation({ summary: '网格员、河长上报巡查发现（GPS 位置和照片）/ A patrol finding with GPS position and photos' })
  async finding(
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @UploadedFiles() uploaded?: Express.Multer.File[],
  ): Promise<RegisteredAnswer> {
    const parts = bodyParts(body, uploaded);
    const dto = await validateBody(PatrolFindingDto, parts.json, 'report');
    const result = await this.registration.register(
      {
        channel: principal.roles.includes('river-chief') ? 'river-chief' : 'grid-patrol',
        category: dto.category,
        description: dto.description,
        observedAt: dto.observedAt,
        location: { ...dto.location, lat: dto.position.lat, lng: dto.position.lng },
        anonymous: true,
        source: { gridCode: dto.gridCode },
        files: parts.files,
        withReceipt: false,
      },
      actorOf(principal),
    );
    return { clueId: result.clueId, submittedAt: result.submittedAt };
  }

  @Get('patrol/findings')
  @Roles('grid-worker', 'river-chief')
  @ApiOperation({ summary: '我的巡查发现及办理状态 / My findings and their status' })
  myFindings(@CurrentPrincipal() principal: Principal): Promise<ClueSummary[]> {
    return this.queries.list({ registeredBy: principal.userId, limit: 200, offset: 0 });
  }

  @Post('patrol/check-ins')
  @HttpCode(201)
  @Roles('grid-worker', 'river-chief')
  @ApiOperation({ summary: '巡查签到 / Patrol check-in for a grid' })
  checkIn(@Body() dto: PatrolCheckInDto, @CurrentPrincipal() principal: Principal) {
    const role = principal.roles.includes('river-chief') ? 'river-chief' : 'grid-worker';
    return this.patrols.checkIn({ userId: principal.userId, role }, dto.gridCode, dto.position, actorOf(principal));
  }

  @Get('patrol/check-ins')
  @Roles('grid-worker', 'river-chief')
  @ApiOperation({ summary: '我的巡查签到记录 / My check-ins' })
  myCheckIns(@CurrentPrincipal() principal: Principal) {
    return this.patrols.recent(principal.userId);
  }
}

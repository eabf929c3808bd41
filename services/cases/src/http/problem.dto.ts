import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CATEGORY_CODES,
  CONSULTATION_KINDS,
  DEPARTMENT_CODES,
  JOINT_ACTION_KINDS,
  SEVERITIES,
  SUPERVISION_LEVELS,
  TOWN_CODES,
  VIOLATION_KIND_CODES,
  type ViolationKind,
  type ConsultationKind,
  type JointActionKind,
  type Severity,
  type SupervisionLevel,
} from '@qingyuan/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const text = (max: number) => [IsString(), IsNotEmpty(), MaxLength(max)];
const apply = (...decorators: PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((d) => d(target, key));
const Text = (max: number) => apply(...text(max));
const Texts = (min: number, max: number, each: number) =>
  apply(IsArray(), ArrayMinSize(min), ArrayMaxSize(max), IsString({ each: true }), MaxLength(each, { each: true }));

export class ResponsiblePersonDto {
  @ApiProperty({ description: '责任人姓名 / name of the responsible official', maxLength: 50 })
  @Text(50)
  name: string;

  @ApiPropertyOptional({ description: '工作电话 / work phone' })
  @IsOptional()
  @Matches(/^[0-9+\-\s]{5,20}$/)
  phone?: string;
}

/** 研判 */
export class TriageDto {
  @ApiProperty({ enum: CATEGORY_CODES }) @IsIn(CATEGORY_CODES) category: string;
  @ApiProperty({ enum: Object.keys(SEVERITIES), description: '一般 / 较重 / 重大' }) @IsIn(Object.keys(SEVERITIES)) severity: Severity;
  @ApiProperty({ description: '跨镇街 / crosses towns' }) @IsBoolean() crossTown: boolean;
  @ApiProperty({ description: '跨部门 / crosses departments' }) @IsBoolean() crossDepartment: boolean;
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

/** 会商（专题会议、实地调研、专家会审） */
export class ConsultationDto {
  @ApiProperty({ enum: Object.keys(CONSULTATION_KINDS) }) @IsIn(Object.keys(CONSULTATION_KINDS)) kind: ConsultationKind;
  @ApiProperty({ example: '2026-12-01' }) @Matches(DATE) date: string;
  @ApiProperty({ type: [String], description: '参加人员 / participants' }) @Texts(1, 50, 100) participants: string[];
  @ApiProperty({ description: '会商结论 / conclusion', maxLength: 4000 }) @Text(4000) conclusion: string;
  @ApiPropertyOptional({ type: [String], description: '附件 / attachments' }) @IsOptional() @Texts(0, 20, 500) attachments?: string[];
}

/** 交办: one town, one lead department, one responsible person, measures and a time limit. */
export class AssignProblemDto {
  @ApiPropertyOptional({ description: '属地镇街（默认按位置）/ town; defaults to the one from the location', enum: TOWN_CODES })
  @IsOptional()
  @IsIn(TOWN_CODES)
  townCode?: string;

  @ApiPropertyOptional({ description: '牵头部门（默认按类别矩阵）/ lead department; defaults from the category matrix', enum: DEPARTMENT_CODES })
  @IsOptional()
  @IsIn(DEPARTMENT_CODES)
  leadDepartment?: string;

  @ApiPropertyOptional({ description: '配合部门 / co-operating departments', enum: DEPARTMENT_CODES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(DEPARTMENT_CODES.length)
  @IsIn(DEPARTMENT_CODES, { each: true })
  cooperatingDepartments?: string[];

  @ApiProperty({ type: ResponsiblePersonDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ResponsiblePersonDto)
  responsiblePerson: ResponsiblePersonDto;

  @ApiProperty({ description: '整改措施 / measures', maxLength: 2000 }) @Text(2000) measures: string;
  @ApiPropertyOptional({ description: '整改要求 / requirements', maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) requirements?: string;
  @ApiPropertyOptional({ enum: Object.keys(SEVERITIES) }) @IsOptional() @IsIn(Object.keys(SEVERITIES)) severity?: Severity;

  @ApiPropertyOptional({ description: '整改时限：签收后工作日数（默认按严重程度）/ working days from sign-off; default by severity', minimum: 1, maximum: 365 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  workingDays?: number;

  @ApiPropertyOptional({ description: '或固定整改期限（北京时间日期）/ or a fixed deadline, a date in Asia/Shanghai', example: '2026-12-31' })
  @IsOptional()
  @Matches(DATE)
  deadline?: string;
}

export class ReasonDto {
  @ApiProperty({ maxLength: 1000 }) @Text(1000) reason: string;
}

export class ProgressDto {
  @ApiProperty({ description: '进展情况 / progress', maxLength: 4000 }) @Text(4000) summary: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @Texts(0, 30, 500) attachments?: string[];
}

export class ExtensionRequestDto {
  @ApiProperty({ description: '申请延期至 / requested deadline', example: '2027-01-15' }) @Matches(DATE) requestedDeadline: string;
  @ApiProperty({ maxLength: 1000 }) @Text(1000) reason: string;
}

export class ExtensionDecisionDto {
  @ApiProperty() @IsBoolean() approved: boolean;
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class RectificationDto {
  @ApiProperty({ description: '整改情况 / what was done', maxLength: 4000 }) @Text(4000) summary: string;
  @ApiProperty({ type: [String], description: '佐证材料（照片、文件的说明或编号）/ evidence: photos and documents' }) @Texts(1, 30, 500) evidence: string[];
}

export class ViolationDto {
  @ApiProperty({ description: '是否认定存在环境违法行为 / whether a violation was established' }) @IsBoolean() confirmed: boolean;
  @ApiProperty({ enum: VIOLATION_KIND_CODES, isArray: true, description: '违法行为类型（决定能否举报奖励）/ kinds of violation (decide reward eligibility)' })
  @IsArray()
  @ArrayMaxSize(VIOLATION_KIND_CODES.length)
  @IsIn(VIOLATION_KIND_CODES, { each: true })
  kinds: ViolationKind[];
}

export class VerificationDto {
  @ApiProperty({ description: '核查是否通过 / passed' }) @IsBoolean() passed: boolean;
  @ApiProperty({ description: '核查意见 / opinion', maxLength: 2000 }) @Text(2000) opinion: string;
  @ApiPropertyOptional({ type: ViolationDto, description: '销号时认定的违法行为 / the violation established at close-out' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ViolationDto)
  violation?: ViolationDto;
}

export class SuperviseDto {
  @ApiProperty({ enum: Object.keys(SUPERVISION_LEVELS), description: '督办 / 挂牌督办' }) @IsIn(Object.keys(SUPERVISION_LEVELS)) level: SupervisionLevel;
  @ApiProperty({ maxLength: 1000 }) @Text(1000) note: string;
}

export class JointActionDto {
  @ApiProperty({ enum: Object.keys(JOINT_ACTION_KINDS) }) @IsIn(Object.keys(JOINT_ACTION_KINDS)) kind: JointActionKind;
  @ApiProperty({ enum: DEPARTMENT_CODES, isArray: true }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(DEPARTMENT_CODES.length) @IsIn(DEPARTMENT_CODES, { each: true }) departments: string[];
  @ApiProperty({ example: '2026-12-02' }) @Matches(DATE) date: string;
  @ApiProperty({ maxLength: 4000 }) @Text(4000) summary: string;
}

export class SuspectedCrimeDto {
  @ApiProperty({ description: '移送依据 / basis', maxLength: 2000 }) @Text(2000) basis: string;
  @ApiProperty({ type: [String], description: '符合的入罪标准 / criteria thought met' }) @Texts(0, 20, 300) criteria: string[];
}

export class ReopenDto {
  @ApiProperty({ enum: ['recurrence', 'complaint'], description: '反弹复发 / 举报人投诉' }) @IsIn(['recurrence', 'complaint']) reason: 'recurrence' | 'complaint';
  @ApiProperty({ maxLength: 1000 }) @Text(1000) note: string;
}

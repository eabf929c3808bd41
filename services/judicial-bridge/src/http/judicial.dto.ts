import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MATERIAL_KINDS, TOWN_CODES, TRANSFER_KINDS, type TransferKind } from '@qingyuan/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested, IsDefined } from 'class-validator';

export const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const apply = (...decorators: PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((d) => d(target, key));
const Text = (max: number) => apply(IsString(), IsNotEmpty(), MaxLength(max));
const OptionalText = (max: number) => apply(IsOptional(), IsString(), MaxLength(max));
const Day = () => apply(IsString(), Matches(DATE, { message: '$property must be a date YYYY-MM-DD' }));
const DOC = { example: '义公（环）立字〔2027〕3号', description: '文书编号 / document number' };

export class SuspectDto {
  @ApiProperty({ enum: ['enterprise', 'person'] }) @IsIn(['enterprise', 'person']) kind: 'enterprise' | 'person';
  @ApiProperty({ maxLength: 100, description: '单位名称或姓名 / name' }) @Text(100) name: string;
  @ApiPropertyOptional({ description: '统一社会信用代码 / credit code' }) @IsOptional() @IsString() @MaxLength(18) uscc?: string;
}

export class DraftDto {
  @ApiProperty({ enum: Object.keys(TRANSFER_KINDS) }) @IsIn(Object.keys(TRANSFER_KINDS)) kind: TransferKind;
  @ApiProperty({ maxLength: 100, example: '某电镀厂暗管排放含铬废水案' }) @Text(100) title: string;
  @ApiProperty({ maxLength: 4000, description: '案件来源与事实概要 / source and facts' }) @Text(4000) summary: string;
  @ApiProperty({ type: SuspectDto }) @ValidateNested() @Type(() => SuspectDto) suspect: SuspectDto;
  @ApiProperty({ type: [String], description: '专案组（两名以上执法人员的账号 id）/ the team, ≥ 2 officers' })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  teamIds: string[];
  @ApiPropertyOptional({ description: '由涉嫌犯罪线索起草 / drafted from this lead' }) @OptionalText(80) leadId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() problemId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() enterpriseId?: string;
  @ApiPropertyOptional({ enum: TOWN_CODES }) @IsOptional() @IsIn(TOWN_CODES) townCode?: string;
  @ApiPropertyOptional({ example: 'yw-police' }) @OptionalText(40) policeCode?: string;
  @ApiPropertyOptional({ example: 'yw-procuratorate' }) @OptionalText(40) procuratorateCode?: string;
}

export class MaterialDto {
  @ApiProperty({ enum: Object.keys(MATERIAL_KINDS) }) @IsIn(Object.keys(MATERIAL_KINDS)) materialKind: string;
  @ApiProperty({ maxLength: 200 }) @Text(200) title: string;
  @ApiProperty({ maxLength: 200, description: '案卷中的编号或位置 / where it is in the file' }) @Text(200) reference: string;
  @ApiPropertyOptional({ minimum: 1 }) @IsOptional() @IsInt() @Min(1) @Max(10_000) pages?: number;
}

export class ReportDto {
  @ApiProperty({ maxLength: 4000, description: '移送报告 / the transfer report' }) @Text(4000) report: string;
}

export class ApprovalDto {
  @ApiProperty() @IsBoolean() approved: boolean;
  @ApiPropertyOptional({ maxLength: 2000, description: '不批准的理由（必填）/ reasons, required when not approved' }) @OptionalText(2000) reasons?: string;
}

export class ReceiptDto {
  @ApiProperty({ maxLength: 60, description: '接收回执编号 / receipt number' }) @Text(60) receiptNumber: string;
}

export class MissingDto {
  @ApiProperty({ maxLength: 2000, description: '需补充的材料 / what is missing' }) @Text(2000) missing: string;
}

export class SupplementDto {
  @ApiProperty({ type: [String], description: '补充的材料编号（先添加材料）/ the materials added for it' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  materialIds: string[];
  @ApiPropertyOptional({ maxLength: 1000 }) @OptionalText(1000) note?: string;
}

export class ExtensionDto {
  @ApiProperty({ enum: ['verification', 'major'], description: '需要核查（7 日）或重大疑难复杂（30 日）/ 7 or 30 days' }) @IsIn(['verification', 'major']) reason: 'verification' | 'major';
}

export class FilingDto {
  @ApiProperty() @IsBoolean() filed: boolean;
  @ApiProperty(DOC) @Text(60) documentNumber: string;
  @ApiPropertyOptional({ maxLength: 2000, description: '不予立案的理由（必填）/ reasons, required when not filed' }) @OptionalText(2000) reasons?: string;
}

export class GroundsDto {
  @ApiProperty({ maxLength: 2000 }) @Text(2000) grounds: string;
}

export class SupervisionDecisionDto {
  @ApiProperty({ description: '通知公安机关立案 / orders the police to file' }) @IsBoolean() orderedFiling: boolean;
  @ApiProperty(DOC) @Text(60) documentNumber: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @OptionalText(2000) reasons?: string;
}

export class ArrestDto {
  @ApiProperty() @IsBoolean() approved: boolean;
  @ApiProperty(DOC) @Text(60) documentNumber: string;
  @ApiProperty({ example: '2027-02-10' }) @Day() date: string;
}

export class DocumentDto {
  @ApiProperty(DOC) @Text(60) documentNumber: string;
}

export class ProsecutionDto {
  @ApiProperty() @IsBoolean() prosecuted: boolean;
  @ApiProperty(DOC) @Text(60) documentNumber: string;
  @ApiProperty({ example: '2027-04-01' }) @Day() date: string;
  @ApiPropertyOptional({ example: 'yw-court', description: '审判机关（缺省为默认法院）/ the court, default the configured one' }) @OptionalText(40) courtCode?: string;
  @ApiPropertyOptional({ description: '不起诉并提出予以行政处罚的检察意见 / proposes an administrative penalty' }) @IsOptional() @IsBoolean() proposesAdministrativePenalty?: boolean;
  @ApiPropertyOptional({ maxLength: 2000 }) @OptionalText(2000) reasons?: string;
}

export class JudgmentDto {
  @ApiProperty() @IsBoolean() convicted: boolean;
  @ApiProperty(DOC) @Text(60) documentNumber: string;
  @ApiProperty({ example: '2027-06-20' }) @Day() date: string;
  @ApiPropertyOptional({ maxLength: 500, example: '有期徒刑一年六个月，并处罚金十万元' }) @OptionalText(500) sentence?: string;
}

export class DetentionDto {
  @ApiProperty() @IsBoolean() detained: boolean;
  @ApiProperty(DOC) @Text(60) documentNumber: string;
  @ApiProperty({ example: '2027-02-01' }) @Day() date: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 15 }) @IsOptional() @IsInt() @Min(1) @Max(15) days?: number;
  @ApiPropertyOptional({ maxLength: 2000 }) @OptionalText(2000) reasons?: string;
}

export class WithdrawDto {
  @ApiProperty({ maxLength: 1000 }) @Text(1000) reason: string;
}

export class ParticipantDto {
  @ApiProperty({ maxLength: 60, example: '义乌市公安局' }) @Text(60) agency: string;
  @ApiProperty({ maxLength: 30 }) @Text(30) name: string;
  @ApiPropertyOptional({ maxLength: 30 }) @OptionalText(30) title?: string;
}

export class ConsultationDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() transferId?: string;
  @ApiProperty({ example: '2027-02-05' }) @Day() heldOn: string;
  @ApiProperty({ maxLength: 200 }) @Text(200) topic: string;
  @ApiProperty({ type: [ParticipantDto] }) @IsArray() @ArrayMinSize(2) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => ParticipantDto) participants: ParticipantDto[];
  @ApiProperty({ maxLength: 4000 }) @Text(4000) conclusions: string;
}

export class RulesDto {
  @ApiProperty({ description: '新版本（整体替换）/ the new version, whole', type: 'object', additionalProperties: true }) @IsDefined() @IsObject() rules: Record<string, unknown>;
  @ApiPropertyOptional({ maxLength: 500 }) @OptionalText(500) note?: string;
}

export class ApiKeyDto {
  @ApiProperty({ example: 'yw-police' }) @Text(40) agencyCode: string;
  @ApiProperty({ maxLength: 100, example: '公安两法衔接平台' }) @Text(100) label: string;
}

export class FactsDto {
  @ApiProperty({
    description: '查明的事实（法释〔2023〕7号所列项目，如 hazardousWasteTonnes、heavyMetalExceedances[{metal, multiple}]、lossOrGainYuan）/ the facts established',
    type: 'object',
    additionalProperties: true,
    example: { hazardousWasteTonnes: 3.5, heavyMetalExceedances: [{ metal: 'Cr', multiple: 4.2 }] },
  })
  @IsDefined()
  @IsObject()
  facts: Record<string, unknown>;
}

export class AgencyDto {
  @ApiProperty({ example: 'jh-police-eco', description: '机关代码：小写字母、数字、横线 / lower-case code' }) @Matches(/^[a-z0-9][a-z0-9-]{1,31}$/, { message: 'code must be 2–32 lower-case letters, digits or hyphens' }) code: string;
  @ApiProperty({ enum: ['police', 'procuratorate', 'court'] }) @IsIn(['police', 'procuratorate', 'court']) kind: 'police' | 'procuratorate' | 'court';
  @ApiProperty({ maxLength: 60, example: '金华市公安局生态环境犯罪侦查支队' }) @Text(60) name: string;
}

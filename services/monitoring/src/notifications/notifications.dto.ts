import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TIER_ORDER, type AlarmTier } from '@qingyuan/contracts';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { AUDIENCES, CHANNELS, type Audience, type ChannelKind } from './routing';

const AUDIENCE_KEYS = Object.keys(AUDIENCES);
const CHANNEL_KEYS = Object.keys(CHANNELS);

export class RecipientDto {
  @ApiProperty({ enum: AUDIENCE_KEYS, description: 'bureau 分局 / department 行业主管部门 / enterprise 企业联系人' })
  @IsIn(AUDIENCE_KEYS)
  audience: Audience;

  @ApiProperty({ maxLength: 100, example: '分局值班群' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: CHANNEL_KEYS })
  @IsIn(CHANNEL_KEYS)
  channel: ChannelKind;

  @ApiProperty({ maxLength: 500, description: '机器人 Webhook 地址、手机号或电子邮箱 / robot webhook URL, mobile number or e-mail', example: 'https://oapi.dingtalk.com/robot/send?access_token=…' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  address: string;

  @ApiPropertyOptional({ maxLength: 200, nullable: true, description: '钉钉加签密钥（SEC…），不回显；更新时省略则保留，null 则删除 / DingTalk signing secret: never shown; omitted on update keeps it, null removes it' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(200)
  secret?: string | null;

  @ApiPropertyOptional({ maxLength: 100, nullable: true, description: '行业主管部门负责的行业；空 = 全部行业 / the industry a department covers; empty = all', example: '纺织印染' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(100)
  industry?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: '企业联系人所属企业 / the enterprise of an enterprise contact' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  enterpriseId?: string | null;

  @ApiProperty({ enum: TIER_ORDER, description: '最低通知等级 / lowest tier to be told about' })
  @IsIn(TIER_ORDER)
  minTier: AlarmTier;

  @ApiProperty()
  @IsBoolean()
  active: boolean;
}

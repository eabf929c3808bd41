import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REJECTION_REASONS, TOWN_CODES, type RejectionReason } from '@qingyuan/contracts';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class AcceptClueDto {
  @ApiPropertyOptional({ description: '受理意见（内部）/ note, internal', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;

  @ApiPropertyOptional({ description: '并入已有问题（否则新立案）/ join this problem instead of opening one' })
  @IsOptional()
  @IsUUID()
  joinProblemId?: string;
}

export class RejectClueDto {
  @ApiProperty({ enum: Object.keys(REJECTION_REASONS) })
  @IsIn(Object.keys(REJECTION_REASONS))
  reasonCode: RejectionReason;

  @ApiProperty({ description: '说明（将告知举报人）/ explanation, shown to the reporter', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

export class ReferClueDto {
  @ApiProperty({ description: '转交部门（将告知举报人）/ authority, shown to the reporter', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  authority: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class CorrectTownDto {
  @ApiProperty({ enum: TOWN_CODES })
  @IsIn(TOWN_CODES)
  townCode: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

export class MergeClueDto {
  @ApiProperty({ description: '并入的线索 / the clue to merge into' })
  @IsUUID()
  intoClueId: string;
}

export class DismissDuplicateDto {
  @ApiProperty({ description: '不是重复的候选线索 / the suggested clue that is not a duplicate' })
  @IsUUID()
  candidateClueId: string;
}

export class ReasonDto {
  @ApiProperty({ description: '理由（记录在审计日志）/ reason, recorded', minLength: 4, maxLength: 500 })
  @IsString()
  @MinLength(4)
  @MaxLength(500)
  reason: string;
}

export class IdentityAccessDto {
  @ApiProperty({ description: '查阅目的（必填，记录在访问日志）/ purpose, recorded', minLength: 4, maxLength: 200, example: '奖励发放核实身份' })
  @IsString()
  @MinLength(4)
  @MaxLength(200)
  purpose: string;

  @ApiPropertyOptional({ description: '关联案件（如奖励案件编号）/ related case', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  caseRef?: string;
}

export class IdentityRequestDto {
  @ApiProperty({ description: '查阅目的（必填，记录在访问日志）/ purpose, recorded', minLength: 4, maxLength: 200, example: '奖励发放核实身份' })
  @IsString()
  @MinLength(4)
  @MaxLength(200)
  purpose: string;

  @ApiProperty({ description: '关联案件（如奖励案件编号）/ the case it is for, e.g. a reward id', minLength: 1, maxLength: 100, example: 'reward-0192…' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  caseRef: string;
}

export class ApprovalNoteDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

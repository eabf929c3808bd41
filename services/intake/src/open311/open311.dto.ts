import { CATEGORY_CODES } from '@qingyuan/contracts';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsLatitude, IsLongitude, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** The fields of an Open311 POST requests.json we use; the others of the spec are accepted and ignored. */
export class Open311RequestDto {
  @IsOptional() @IsString() @MaxLength(100) api_key?: string;
  @IsOptional() @IsString() @MaxLength(100) jurisdiction_id?: string;
  @IsIn(CATEGORY_CODES) service_code: string;
  @IsOptional() @Type(() => Number) @IsLatitude() lat?: number;
  @IsOptional() @Type(() => Number) @IsLongitude() long?: number;
  @IsOptional() @IsString() @MaxLength(200) address_string?: string;
  @IsOptional() @IsString() @MaxLength(100) address_id?: string;
  @IsString() @MinLength(5) @MaxLength(2000) description: string;
  /** not stored: our identity vault keeps name and phone only */
  @IsOptional() @IsEmail() @MaxLength(200) email?: string;
  @IsOptional() @IsString() @MaxLength(100) device_id?: string;
  @IsOptional() @IsString() @MaxLength(100) account_id?: string;
  @IsOptional() @IsString() @MaxLength(25) first_name?: string;
  @IsOptional() @IsString() @MaxLength(25) last_name?: string;
  @IsOptional() @Matches(/^(\+?86)?1\d{10}$|^0\d{2,3}-?\d{7,8}$/) phone?: string;
  /** not fetched: the platform never downloads from a URL a stranger gives it */
  @IsOptional() @IsString() @MaxLength(1000) media_url?: string;
}

import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, getSchemaPath, ApiExtraModels } from '@nestjs/swagger';
import { MEDIA_LIMITS } from '../attachments/media/limits';
import type { UploadedFile } from '../attachments/attachments';

/**
 * An endpoint that takes its body as JSON, or as multipart/form-data with the JSON in a `report` field and up to
 * nine photos or videos in `files`. Multer keeps files in memory within the limits; content is checked later.
 */
export function JsonOrMultipart(dto: new () => object, description: string) {
  return applyDecorators(
    UseInterceptors(
      FilesInterceptor('files', MEDIA_LIMITS.filesPerReport, {
        limits: { fileSize: MEDIA_LIMITS.videoBytes, files: MEDIA_LIMITS.filesPerReport, fields: 5, fieldSize: 64 * 1024 },
      }),
    ),
    ApiExtraModels(dto),
    ApiConsumes('application/json', 'multipart/form-data'),
    ApiBody({
      description,
      schema: {
        oneOf: [
          { $ref: getSchemaPath(dto) },
          {
            type: 'object',
            required: ['report'],
            properties: {
              report: { type: 'string', description: `JSON of ${dto.name}` },
              files: { type: 'array', items: { type: 'string', format: 'binary' }, maxItems: MEDIA_LIMITS.filesPerReport },
            },
          },
        ],
      },
    }),
  );
}

/** The JSON part of either form, and the files of a multipart one. */
export function bodyParts(body: unknown, files: Express.Multer.File[] | undefined): { json: unknown; files: UploadedFile[] } {
  const multipart = files !== undefined || (typeof body === 'object' && body !== null && 'report' in body && typeof (body as { report: unknown }).report === 'string');
  return {
    json: multipart ? (body as { report?: unknown }).report : body,
    files: (files ?? []).map((f) => ({ buffer: f.buffer, originalname: f.originalname })),
  };
}

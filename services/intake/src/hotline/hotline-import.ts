import { HttpException } from '@nestjs/common';
import { nameUuid, type Actor } from '@qingyuan/contracts';
import { httpError } from '@qingyuan/service-kit';
import { isTableError, readTable } from '@qingyuan/tabular';
import type { UploadedFile } from '../attachments/attachments';
import type { ClueRegistration } from '../clues/registration';
import { defaultMappings, mapRows, type ColumnMapping, type HotlineChannel, type RowError } from './mapping';

export interface ImportReport {
  file: string;
  channel: HotlineChannel;
  rows: number;
  imported: number;
  /** rows whose ticket was imported before (re-importing a file creates nothing twice) */
  alreadyImported: number;
  errors: RowError[];
}

const STATUS_OF_TABLE_ERROR = { UNSUPPORTED_FILE: 415, BAD_ENCODING: 400, EMPTY: 400, TOO_MANY_ROWS: 413, BROKEN_FILE: 400 } as const;

/**
 * 12345 / 12369 exports (CSV or XLSX): good rows become clues, bad rows are reported by line number. A ticket's clue id
 * is derived from its channel and ticket number, so re-importing the same file imports nothing twice.
 */
export class HotlineImport {
  constructor(private readonly registration: ClueRegistration) {}

  async run(file: UploadedFile, channel: HotlineChannel, mapping: ColumnMapping | undefined, actor: Actor): Promise<ImportReport> {
    const table = readTable(file.buffer, file.originalname ?? 'upload');
    if (isTableError(table)) throw httpError(STATUS_OF_TABLE_ERROR[table.code], table.code, table.zh, table.en);
    const { good, bad } = mapRows(table, mapping ?? defaultMappings[channel], channel);
    const report: ImportReport = { file: file.originalname ?? '', channel, rows: good.length + new Set(bad.map((b) => b.line)).size, imported: 0, alreadyImported: 0, errors: [...bad] };
    for (const row of good) {
      const phone = row.reporter?.phone;
      try {
        const result = await this.registration.register(
          {
            clueId: nameUuid(`hotline:${channel}`, row.ticketNumber),
            channel,
            category: row.category,
            description: row.description,
            observedAt: row.receivedAt,
            location: { lat: row.lat, lng: row.lng, address: [row.townName, row.address].filter(Boolean).join(' ') || undefined },
            anonymous: !phone,
            identity: phone ? { name: row.reporter?.name ?? '', phone } : undefined,
            source: { referenceNumber: row.ticketNumber },
            withReceipt: false,
          },
          actor,
        );
        if (result.created) report.imported += 1;
        else report.alreadyImported += 1;
      } catch (error) {
        report.errors.push(rowError(row.line, error));
      }
    }
    report.errors.sort((a, b) => a.line - b.line);
    return report;
  }
}

/** A refusal of one row (e.g. no place at all, a blacklisted caller) becomes that row's error, not the file's. */
function rowError(line: number, error: unknown): RowError {
  if (error instanceof HttpException) {
    const body = error.getResponse() as { zh?: string; en?: string; errors?: Array<{ field: string; zh: string; en: string }> };
    const first = body.errors?.[0];
    return { line, field: first?.field ?? 'row', zh: first?.zh ?? body.zh ?? '该行无法导入', en: first?.en ?? body.en ?? 'The row cannot be imported' };
  }
  const domain = error as { code?: string; zh?: string; en?: string };
  if (domain.zh && domain.en) return { line, field: 'row', zh: domain.zh, en: domain.en };
  throw error;
}

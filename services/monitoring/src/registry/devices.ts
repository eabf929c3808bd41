import { createHash } from 'node:crypto';
import type { Principal } from '@qingyuan/auth';
import { nameUuid, streamIds, type DeviceRegistered } from '@qingyuan/contracts';
import type { PgEventStore, Tx } from '@qingyuan/event-store';
import { actorOf, eventMetadata, httpError } from '@qingyuan/service-kit';
import { deviceProblems, type DeviceInput, type FieldProblem } from '../domain/device';

interface EnterpriseRow {
  enterprise_id: string;
  name: string;
  uscc: string;
  town_code: string | null;
  industry: string;
  key_polluter: boolean;
  location: { lat: number; lng: number } | null;
}

export const deviceIdOf = (mn: string) => nameUuid('device', mn);
export const passwordHash = (pw: string) => createHash('sha256').update(pw, 'utf8').digest('hex');

/**
 * The device registry (在线监控设备): a device is known by its MN, belongs to an enterprise of enforcement's registry
 * and one of its outlets, and carries its factors with the permit's limits. Registering the same facts twice changes
 * nothing; new facts are a new DeviceRegistered on the same stream.
 */
export class Devices {
  constructor(private readonly store: PgEventStore) {}

  async register(p: Principal, input: DeviceInput): Promise<{ deviceId: string; outcome: 'created' | 'updated' | 'unchanged' }> {
    const problems = deviceProblems(input);
    if (problems.length) throw invalid(problems);
    return this.store.db.transaction(async (tx) => {
      const enterprise = await this.enterpriseOf(tx, input);
      const deviceId = deviceIdOf(input.mn);
      const data: DeviceRegistered = {
        deviceId,
        mn: input.mn,
        enterpriseId: enterprise?.enterprise_id,
        enterpriseName: enterprise?.name ?? input.enterpriseName!.trim(),
        uscc: enterprise?.uscc ?? input.uscc,
        townCode: enterprise?.town_code ?? undefined,
        industry: enterprise?.industry,
        keyPolluter: enterprise?.key_polluter ?? false,
        outletCode: input.outletCode.trim(),
        outletName: input.outletName,
        medium: input.medium,
        standard: input.standard,
        factors: input.factors,
        realtimeIntervalSeconds: input.realtimeIntervalSeconds,
        process: input.process,
        location: input.location ?? enterprise?.location ?? undefined,
        active: input.active ?? true,
      };
      const stream = streamIds.device(deviceId);
      const history = await this.store.readStream(stream, tx);
      const latest = history.at(-1)?.data;
      const pwChanged = await this.saveCredentials(tx, input.mn, passwordHash(input.pw), p.userId);
      const sameFacts = latest && JSON.stringify(latest) === JSON.stringify(JSON.parse(JSON.stringify(data)));
      if (sameFacts) return { deviceId, outcome: pwChanged ? ('updated' as const) : ('unchanged' as const) };
      await this.store.appendIn(tx, stream, history.length === 0 ? 'no-stream' : history.length, [{ type: 'DeviceRegistered', data }], eventMetadata(actorOf(p)));
      return { deviceId, outcome: latest ? ('updated' as const) : ('created' as const) };
    });
  }

  /** The PW's hash lives beside the registry, not in its events; true when it changed. */
  private async saveCredentials(tx: Tx, mn: string, pwHash: string, by: string): Promise<boolean> {
    const { rows } = await tx.query<{ pw_hash: string }>('SELECT pw_hash FROM monitoring.device_credentials WHERE mn = $1 FOR UPDATE', [mn]);
    if (rows[0]?.pw_hash === pwHash) return false;
    await tx.query(
      `INSERT INTO monitoring.device_credentials (mn, pw_hash, updated_by, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (mn) DO UPDATE SET pw_hash = $2, updated_by = $3, updated_at = now()`,
      [mn, pwHash, by],
    );
    return true;
  }

  private async enterpriseOf(tx: Tx, input: DeviceInput): Promise<EnterpriseRow | undefined> {
    if (!input.enterpriseId && !input.uscc) return undefined;
    const { rows } = await tx.query<EnterpriseRow>(
      'SELECT * FROM monitoring.enterprises WHERE enterprise_id::text = $1 OR uscc = upper($2)',
      [input.enterpriseId ?? '', input.uscc ?? ''],
    );
    if (!rows[0] && !input.enterpriseName) {
      throw httpError(404, 'ENTERPRISE_NOT_FOUND', '排污单位名录中没有该单位', 'The enterprise is not in the registry', {
        errors: [{ field: input.enterpriseId ? 'enterpriseId' : 'uscc', zh: '名录中没有该单位', en: 'not in the registry' }],
      });
    }
    return rows[0];
  }
}

const invalid = (problems: FieldProblem[]) =>
  httpError(400, 'VALIDATION_FAILED', '请求参数有误', 'The request is invalid', {
    errors: problems.map((p) => ({ field: p.field, zh: `${p.field}：${p.zh}`, en: `${p.field} ${p.en}` })),
  });

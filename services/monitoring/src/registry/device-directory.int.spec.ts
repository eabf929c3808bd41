import { MonitoringUnderTest, waterDevice } from '../testing/harness';
import { DeviceDirectory } from './device-directory';

const FIRST = '33078200000000000000401';
const LATE = '33078200000000000000402';

describe('DeviceDirectory: the in-memory registry of gateways and workers', () => {
  let t: MonitoringUnderTest;

  beforeAll(async () => {
    t = await MonitoringUnderTest.start('monitoring_device_directory');
    await t.registerEnterprise();
  });

  afterAll(async () => {
    await t?.stop();
  });

  // Sixteen registrations at once (the benchmark's) left devices behind the watermark: acknowledged, then refused.
  it('finds a registration committed after a later-stamped one it had already seen', async () => {
    await t.registerDevice(waterDevice(FIRST));
    const directory = new DeviceDirectory(t.service.store!.db);
    await directory.refresh();
    expect(directory.get(FIRST)).toBeDefined();
    await t.registerDevice(waterDevice(LATE));
    // As if its transaction had been stamped before FIRST's and committed after the look above.
    await t.sql(`UPDATE monitoring.devices SET updated_at = (SELECT updated_at - interval '30 seconds' FROM monitoring.devices WHERE mn = $1) WHERE mn = $2`, [FIRST, LATE]);
    await t.sql(`UPDATE monitoring.device_credentials SET updated_at = (SELECT updated_at - interval '30 seconds' FROM monitoring.devices WHERE mn = $1) WHERE mn = $2`, [FIRST, LATE]);
    await directory.refresh();
    expect(directory.get(LATE)).toMatchObject({ mn: LATE, active: true });
    expect(directory.get(LATE)!.pwHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

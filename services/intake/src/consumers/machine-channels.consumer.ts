import { MACHINE_TOPICS, nameUuid, type InspectionFindingRecorded, type MonitoringAlarmRaised } from '@qingyuan/contracts';
import type { InboxSubscription } from '@qingyuan/service-kit';
import type { ClueService } from '../clues/clue.service';
import type { ClueRegistration } from '../clues/registration';

const SYSTEM = { kind: 'system' as const, id: 'intake' };

/**
 * Machine channels: a monitoring alarm that needs a person, or an inspection finding, opens a clue carrying the
 * originating event. The clue id comes from that event's id, so a redelivery registers nothing twice. A violation an
 * inspector established on site needs no triage: its clue is accepted at once, so cases opens the problem.
 */
export function machineChannelsConsumer(registration: ClueRegistration, clues: ClueService): InboxSubscription {
  return {
    group: 'intake.machine-channels',
    topics: [MACHINE_TOPICS.monitoring, MACHINE_TOPICS.enforcement],
    async handle(tx, event) {
      const origin = { originEventId: event.id, originEventType: event.type };
      switch (event.type) {
        case 'MonitoringAlarmRaised': {
          const alarm = event.data as MonitoringAlarmRaised;
          if (alarm.level === 'notice') return; // a notice is the device owner's business, not a clue
          await registration.register(
            {
              clueId: nameUuid('origin-event', event.id),
              channel: 'monitoring-alarm',
              category: alarm.category,
              description: [alarm.enterpriseName, `设备 ${alarm.deviceMn}`, alarm.summary].filter(Boolean).join('：'),
              observedAt: alarm.at,
              location: alarm.location,
              anonymous: true,
              source: origin,
              withReceipt: false,
            },
            SYSTEM,
            tx,
          );
          return;
        }
        case 'InspectionFindingRecorded': {
          const finding = event.data as InspectionFindingRecorded;
          const clueId = nameUuid('origin-event', event.id);
          await registration.register(
            {
              clueId,
              channel: 'inspection',
              category: finding.category,
              description: [finding.enterpriseName, finding.summary].filter(Boolean).join('：'),
              observedAt: finding.at,
              location: finding.location,
              anonymous: true,
              source: origin,
              withReceipt: false,
            },
            SYSTEM,
            tx,
          );
          if (finding.violation && (await clues.state(clueId, tx)).status === 'received') {
            await clues.run(clueId, { kind: 'accept', note: '执法检查现场认定违法，直接立项 / a violation found on inspection', mergedClueIds: [] }, SYSTEM, { tx });
          }
          return;
        }
      }
    },
  };
}

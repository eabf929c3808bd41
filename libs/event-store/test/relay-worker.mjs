// A relay in a process of its own, for the test that kills it with SIGKILL mid-batch.
// Publishes one event per Kafka send, DELAY_MS apart, so the kill lands between sends and before the checkpoint.
import eventStore from '@qingyuan/event-store';
import messaging from '@qingyuan/messaging';
import typeorm from 'typeorm';

const { Db, OutboxRelay, PgEventStore } = eventStore;
const { KafkaEventBus, toEnvelope } = messaging;
const { DATABASE_URL, SCHEMA, KAFKA_BROKERS, NAMESPACE, TOPIC, DELAY_MS = '0' } = process.env;

const dataSource = await new typeorm.DataSource({ type: 'postgres', url: DATABASE_URL, poolSize: 3 }).initialize();
const store = new PgEventStore(new Db(dataSource), SCHEMA);
const bus = new KafkaEventBus({ brokers: KAFKA_BROKERS.split(','), clientId: 'relay-worker', namespace: NAMESPACE });
let sent = 0;
const relay = new OutboxRelay(
  store,
  async (events) => {
    for (const event of events) {
      await bus.publish(TOPIC, [toEnvelope(event, '/qingyuan/test')]);
      sent += 1;
      process.stdout.write(`sent ${sent}\n`);
      if (Number(DELAY_MS) > 0) await new Promise((resolve) => setTimeout(resolve, Number(DELAY_MS)));
    }
  },
  { name: 'relay-under-test', batchSize: 500, idleMs: 50, onError: (e) => process.stderr.write(`${String(e)}\n`) },
);
relay.start();
process.stdout.write('relay started\n');

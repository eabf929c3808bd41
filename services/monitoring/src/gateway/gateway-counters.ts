/** What a gateway has seen since it started: the operator's first signal that a site is misconfigured. */
export class GatewayCounters {
  connectionsOpened = 0;
  framesAccepted = 0;
  /** accepted frames made durable (stored, or written to Kafka), whether or not the device asked for an answer */
  framesDurable = 0;
  acksSent = 0;
  badFrames = 0;
  oversize = 0;
  dialectFrames = 0;
  authFailures = 0;
  sinkFailures = 0;
  pauses = 0;
  readonly dropped = { idle: 0, 'slow-frame': 0, 'auth-failures': 0 };
}

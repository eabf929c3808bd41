import type { Hj212Message } from '@qingyuan/hj212';

/** A frame a gateway cut from a device's stream, checked (length, CRC, PW) and to be stored: the unit sent to workers. */
export interface AcceptedFrame {
  mn: string;
  /** the frame's data segment (between the length and the CRC), its CRC already checked by the gateway */
  data: Buffer;
  /** ms since the epoch when the gateway read it */
  receivedAt: number;
  gateway: string;
  /** the gateway's decoding, when it runs in the worker's thread (not sent over Kafka or from a gateway thread: cloning it costs about what decoding again does) */
  message?: Hj212Message;
}

/**
 * Where a gateway hands accepted frames. `accept` resolves once they are durable (stored in PostgreSQL by an
 * in-process worker, or written to Kafka with acks=all); only then does the gateway acknowledge them to the device.
 */
export interface FrameSink {
  accept(frames: AcceptedFrame[]): Promise<void>;
}

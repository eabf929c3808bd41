export { startMonitoringService, MONITORING_MIGRATIONS } from './monitoring.service';
export type { MonitoringConfig, RunningMonitoring } from './monitoring.service';
export { Hj212Gateway } from './gateway/hj212-gateway';
export { DeviceDirectory } from './registry/device-directory';
export { KafkaFrameSink, FRAMES_TOPIC } from './transport/kafka-frames';
export { passwordHash } from './registry/devices';
export { hj212ModeFromEnv } from './gateway/mode';
export * as simulator from './simulator';

/**
 * HJ 212 data-logger simulator (plain TypeScript, no NestJS): deterministic wastewater / flue-gas devices, a value
 * model with injectable anomalies, one TCP client per device with acks, resends and reconnection, and a simulation
 * of N devices. Used by `qingyuan simulate`, the embedded run's demo data and the end-to-end benchmark.
 */
export { hasProcessPair, mnOf, PROCESS_PAIR, pwOf, simulatedDeviceInputs, simulatedDevices } from './devices';
export type { FactorModel, SimulatedDevice, SimulatedDevicesOptions } from './devices';
export { ANOMALY_KINDS, EXCEEDANCE_FACTOR, PeriodAggregator, anomalyFactor, anomalyStart, converted, runStateAt, sampleAt } from './values';
export type { Anomaly, AnomalyKind, Sample } from './values';
export { FrameSource, UPLOAD_FLAG, minuteIntervalFor } from './frames';
export type { OutgoingFrame } from './frames';
export { SimulatedLogger } from './logger';
export type { LoggerOptions } from './logger';
export { formatStats, resolveAnomalies, Simulation } from './simulation';
export type { SimulationOptions, SimulationStats } from './simulation';
export { LatencyHistogram } from './stats';
export type { LoggerCounters } from './stats';

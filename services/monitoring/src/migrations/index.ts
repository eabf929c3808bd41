import { MonitoringInitial1766000000000 } from './1766000000000-monitoring-initial';
import { MonitoringNotifications1766000000001 } from './1766000000001-monitoring-notifications';
import { MonitoringDataJson1766000000002 } from './1766000000002-monitoring-data-json';

/** The monitoring schema's migrations, in order. */
export const MONITORING_MIGRATIONS = [MonitoringInitial1766000000000, MonitoringNotifications1766000000001, MonitoringDataJson1766000000002];

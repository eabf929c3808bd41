export { startGateway, GATEWAY_MIGRATIONS, type GatewayConfig, type RunningGateway } from './gateway.service';
export { UserDirectory } from './identity/user-directory';
export { DEFAULT_RATE_LIMITS, type RateLimits } from './proxy/rate-limit';

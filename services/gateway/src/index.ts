export { startGateway, GATEWAY_MIGRATIONS, type GatewayConfig, type RunningGateway } from './gateway.service';
export { UserDirectory } from './identity/user-directory';

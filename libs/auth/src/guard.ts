import {
  SetMetadata,
  createParamDecorator,
  type CanActivate,
  type ExecutionContext,
  Injectable,
  Inject,
  HttpException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Principal, Role } from './roles';
import { verifyToken } from './token';

const PUBLIC = 'qingyuan:public';
const ROLES_KEY = 'qingyuan:roles';

/** Anyone may call this endpoint (the public report form, receipt lookups, health). */
export const Public = () => SetMetadata(PUBLIC, true);
/** Only signed-in staff holding one of these roles (admins always may). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const AUTH_SECRET = Symbol('AUTH_SECRET');

interface RequestWithPrincipal {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

function reject(status: 401 | 403): never {
  const [code, zh, en] =
    status === 401
      ? ['UNAUTHENTICATED', '请先登录', 'Sign in first']
      : ['FORBIDDEN', '您没有执行此操作的权限', 'You are not allowed to do this'];
  throw new HttpException({ statusCode: status, code, message: `${zh} / ${en}`, zh, en }, status);
}

/**
 * Every endpoint is closed unless marked @Public(); a marked role list must match.
 * Registered globally by each service, so a forgotten decorator fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTH_SECRET) private readonly secret: string,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
    const header = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : undefined;
    const principal = token ? verifyToken(token, this.secret) : undefined;
    if (principal) request.principal = principal;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    if (!principal) reject(401);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !principal.roles.includes('admin') && !roles.some((r) => principal.roles.includes(r))) reject(403);
    return true;
  }
}

/** The signed-in staff member, or undefined on a public endpoint called anonymously. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal | undefined =>
    context.switchToHttp().getRequest<RequestWithPrincipal>().principal,
);

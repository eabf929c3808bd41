import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Principal } from './roles';

interface Claims {
  sub: string;
  name: string;
  roles: Principal['roles'];
  towns: string[];
  depts: string[];
  org?: Principal['organisation'];
  iat: number;
  exp: number;
}

const b64 = (value: Buffer | string) => Buffer.from(value).toString('base64url');

function mac(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

/**
 * A compact HMAC-SHA256 bearer token (same idea as a JWT with HS256, without the algorithm field to confuse).
 * Every service verifies it with the shared QINGYUAN_AUTH_SECRET, so a request cannot bypass the gateway's login.
 */
export function signToken(principal: Principal, secret: string, ttlSeconds: number, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const claims: Claims = {
    sub: principal.userId,
    name: principal.name,
    roles: principal.roles,
    towns: principal.towns,
    depts: principal.departments,
    org: principal.organisation,
    iat,
    exp: iat + ttlSeconds,
  };
  const body = `qy1.${b64(JSON.stringify(claims))}`;
  return `${body}.${b64(mac(secret, body))}`;
}

export function verifyToken(token: string, secret: string, now = Date.now()): Principal | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== 'qy1') return undefined;
  const body = `${parts[0]}.${parts[1]}`;
  const given = Buffer.from(parts[2], 'base64url');
  const expected = mac(secret, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let claims: Claims;
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Claims;
  } catch {
    return undefined;
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) return undefined;
  const principal: Principal = { userId: claims.sub, name: claims.name, roles: claims.roles, towns: claims.towns, departments: claims.depts };
  if (claims.org) principal.organisation = claims.org;
  return principal;
}

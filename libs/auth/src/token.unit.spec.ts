import { signToken, verifyToken } from './token';
import type { Principal } from './roles';

const secret = 'x'.repeat(32);
const analyst: Principal = { userId: 'u1', name: '张分析', roles: ['analyst'], towns: [], departments: [] };

describe('bearer token', () => {
  it('round-trips a principal until it expires', () => {
    const now = Date.now();
    const token = signToken(analyst, secret, 60, now);
    expect(verifyToken(token, secret, now + 59_000)).toEqual(analyst);
    expect(verifyToken(token, secret, now + 61_000)).toBeUndefined();
  });

  it('refuses a token signed with another secret or with changed claims', () => {
    const token = signToken(analyst, secret, 60);
    expect(verifyToken(token, 'y'.repeat(32))).toBeUndefined();
    const [v, body, mac] = token.split('.');
    const forged = Buffer.from(Buffer.from(body, 'base64url').toString().replace('analyst', 'admin')).toString('base64url');
    expect(verifyToken(`${v}.${forged}.${mac}`, secret)).toBeUndefined();
    expect(verifyToken('garbage', secret)).toBeUndefined();
  });
});

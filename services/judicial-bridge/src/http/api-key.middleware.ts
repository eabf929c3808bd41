import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { AUTH_SECRET, signToken } from '@qingyuan/auth';
import type { NextFunction, Request, Response } from 'express';
import { Agencies } from '../transfers/agencies';

/**
 * System-to-system access: a request with `Authorization: ApiKey <keyId>.<secret>` from an agency's own platform is
 * turned into a one-minute token for that agency's liaison role, so the same guard, roles and scope apply as for a
 * liaison who signs in. An unknown or revoked key is refused here, in both languages.
 */
@Injectable()
export class ApiKeyMiddleware implements NestMiddleware {
  constructor(
    private readonly agencies: Agencies,
    @Inject(AUTH_SECRET) private readonly secret: string,
  ) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const header = req.headers.authorization;
    if (typeof header !== 'string' || !header.startsWith('ApiKey ')) return next();
    try {
      const principal = await this.agencies.principalForKey(header);
      if (!principal) {
        const zh = '接口密钥无效或已吊销';
        const en = 'The API key is not valid or has been revoked';
        res.status(401).json({ statusCode: 401, code: 'API_KEY_INVALID', message: `${zh} / ${en}`, zh, en });
        return;
      }
      req.headers.authorization = `Bearer ${signToken(principal, this.secret, 60)}`;
      next();
    } catch (error) {
      next(error);
    }
  }
}

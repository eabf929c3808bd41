import type { OpenAPIObject } from '@nestjs/swagger';
import { mergeOpenApi } from './openapi-merge';
import type { Routes } from './service-proxy';

/** Fetches each service's /docs-json and merges them with the gateway's own document. */
export class OpenApiCatalogue {
  private own?: OpenAPIObject;

  constructor(private readonly routes: () => Routes) {}

  setOwn(document: OpenAPIObject): void {
    this.own = document;
  }

  async merged(): Promise<OpenAPIObject> {
    const documents: Record<string, OpenAPIObject> = {};
    for (const [service, url] of Object.entries(this.routes())) {
      const answer = await fetch(new URL('/docs-json', url), { signal: AbortSignal.timeout(3000) }).catch(() => undefined);
      if (answer?.ok) documents[service] = (await answer.json()) as OpenAPIObject;
    }
    return mergeOpenApi(this.own!, documents);
  }
}

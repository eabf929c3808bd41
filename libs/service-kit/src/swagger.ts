import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/** Swagger UI at /docs and the OpenAPI JSON at /docs-json of each service. */
export function setupSwagger(app: INestApplication, title: string, description: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(title)
    .setDescription(description)
    .setVersion('0.1.0')
    .addBearerAuth()
    // agency platforms answering the judicial bridge without a person signing in
    .addApiKey({ type: 'apiKey', in: 'header', name: 'Authorization', description: '`ApiKey <keyId>.<secret>`, issued by an administrator to a police, procuratorate or court platform' }, 'agency-api-key')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return document;
}

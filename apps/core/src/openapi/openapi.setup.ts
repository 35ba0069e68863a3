import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const DOCS_PATH = 'api/docs';
const DOCS_JSON_PATH = 'api/docs-json';

/** Swagger UI at /api/docs and the OpenAPI document at /api/docs-json, both open without a key. */
export function setUpOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('urikiri core')
      .setDescription(
        'One stock truth for every sales channel. Every route but /health needs `Authorization: Bearer <API key>`; ' +
          'scopes: read ⊂ write ⊂ admin. Errors share one shape: statusCode, error, code, message and, for 400, issues.',
      )
      .setVersion('v1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key, uk_…' })
      .build(),
  );
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: DOCS_JSON_PATH, yamlDocumentUrl: 'api/docs-yaml' });
}

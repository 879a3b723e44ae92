import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/**
 * The service's OpenAPI document: served at /docs when API_DOCS is on, and the source of the web
 * console's typed client (`npm run api:schema` writes web/src/api/schema.d.ts from it).
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('信访联动 · 会议与督办规划 API')
      .setDescription('Petition office case pipeline, rules, meetings and invites. Errors: { statusCode, code, message, details }.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
}

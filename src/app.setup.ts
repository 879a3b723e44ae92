import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AllExceptionsFilter } from './common/http/exception.filter.js';
import { correlationMiddleware } from './common/http/correlation.middleware.js';
import { jsonBody } from './common/http/json-body.js';
import { createValidationPipe } from './common/http/validation.js';

/** Everything an app instance needs beyond its modules; shared by main.ts and the e2e tests. */
export function configureApp(app: INestApplication): void {
  app.use(correlationMiddleware);
  app.use(...jsonBody('1mb'));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('信访联动 · 会议与督办规划 API')
      .setDescription('Petition office case pipeline, rules, meetings and invites. Errors: { statusCode, code, message, details }.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}

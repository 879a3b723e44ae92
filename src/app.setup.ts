import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '../config/app-config.js';
import { AllExceptionsFilter } from './common/http/exception.filter.js';
import { noStore, securityHeaders } from './common/http/security-headers.js';
import { APP_CONFIG, POLICY } from './common/tokens.js';
import type { Policy } from '../config/policy.js';
import { consoleRouter } from './console/console-static.js';
import { correlationMiddleware } from './common/http/correlation.middleware.js';
import { jsonBody } from './common/http/json-body.js';
import { MULTIPART_ROUTES } from './common/http/multipart-routes.js';
import { createValidationPipe } from './common/http/validation.js';
import { openApiDocument } from './openapi.js';

/** Everything an app instance needs beyond its modules; shared by main.ts and the e2e tests. */
export function configureApp(app: INestApplication): void {
  const config = app.get<AppConfig>(APP_CONFIG);
  const express = app as NestExpressApplication;
  express.disable('x-powered-by');
  express.set('trust proxy', config.trustProxy);
  app.use(securityHeaders({ https: config.publicBaseUrl.startsWith('https:') }));
  app.use(noStore);
  app.use(correlationMiddleware);
  app.use(consoleRouter(config.consoleDir, app.get<Policy>(POLICY).timeZone));
  app.use(...jsonBody('1mb', MULTIPART_ROUTES));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  if (!config.apiDocs) return;
  const document = openApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}

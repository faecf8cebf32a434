import { existsSync } from 'node:fs';
import path from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import expressStaticGzip from 'express-static-gzip';
import cookieParser from 'cookie-parser';
import express from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { answerClientErrorsAsProblems } from './common/http/client-error';
import { requestBody, requestGuard } from './common/http/request-guard';
import { SlowLane, slowLaneMiddleware } from './common/http/slow-lane';
import { FieldErrorDto, ProblemDocumentDto } from './common/problem-details/problem.dto';
import { createValidationPipe } from './common/validation/validation-pipe';
import { AppConfig } from './config/app-config';
import { SESSION_COOKIE } from './common/access/access.decorators';
import { LoginLimiterService, refuseThrottledAddresses } from './auth';
import { ShutdownState } from './shutdown/shutdown-state';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = new DocumentBuilder()
    .setTitle('HSTF Portfolio API')
    .setDescription(
      'The system of record for the United Nations Trust Fund for Human Security. ' +
        'Errors are application/problem+json (RFC 9457). Updates carry the version they read ' +
        '(If-Match or "version"); a stale one answers 409.',
    )
    .setVersion('1')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'opaque',
      description:
        'Either of two opaque tokens, sent as `Authorization: Bearer <token>`. Neither is a JSON Web ' +
        'Token: each is 256 random bits that carry nothing, looked up by their SHA-256 on the server.\n\n' +
        '- A session token, as POST /api/v1/auth/login answers it: it ends at sign-out, at expiry or ' +
        'after an idle period.\n' +
        '- A personal access token (`hstf_pat_…`), created by a signed-in user with POST ' +
        '/api/v1/access-tokens and answered once, for scripts: it acts as its user, with that ' +
        "user's role, until it is revoked (DELETE /api/v1/access-tokens/{id}), reaches its expiry " +
        'date, or its user is deactivated.',
    })
    .addCookieAuth(
      SESSION_COOKIE,
      {
        type: 'apiKey',
        in: 'cookie',
        description:
          'The same session as an httpOnly, SameSite=Strict cookie set by sign-in: what the dashboard ' +
          'uses. A change sent with the cookie must come from the dashboard itself (Sec-Fetch-Site ' +
          'same-origin, or an Origin naming this host): 403 otherwise. The bearer token takes ' +
          'precedence when both are sent.',
      },
      // Named as the routes require it (ApiCookieAuth in access.decorators.ts).
      SESSION_COOKIE,
    )
    .addGlobalResponse({
      status: 'default',
      description: 'An error, as application/problem+json (RFC 9457)',
      content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDocumentDto) } } },
    })
    .build();
  return withProblemBodies(
    SwaggerModule.createDocument(app, document, {
      extraModels: [ProblemDocumentDto, FieldErrorDto],
      operationIdFactory: (controllerKey, methodKey) =>
        `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
    }),
  );
}

/**
 * Every error answers a problem document: the error responses routes declare with a description
 * only (401, 403, 404, 409, 422, ...) are given its schema, so the document says what they carry.
 */
function withProblemBodies(document: OpenAPIObject): OpenAPIObject {
  const content = { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDocumentDto) } } };
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      for (const [status, response] of Object.entries(item[method]?.responses ?? {})) {
        // A $ref response is shared and defined elsewhere; only inline ones are completed here.
        if (Number(status) >= 400 && response && !('$ref' in response) && !response.content)
          response.content = content;
      }
    }
  }
  return document;
}

/** The largest JSON body read (1 MB, as express.json's default limit was set here). */
const JSON_BODY_LIMIT_BYTES = 1024 * 1024;

/** Everything about the HTTP surface that is not a route: shared by main and the tests. */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  // First, so that every request is counted for the drain on shutdown.
  app.use(app.get(ShutdownState).middleware);
  app.disable('x-powered-by');
  // X-Forwarded-For is believed only from the proxies TRUST_PROXY names: anyone can send the header.
  app.set('trust proxy', config.trustProxy ?? false);
  // Before anything reads a body: a client that keeps sending refused requests waits here.
  app.use(
    slowLaneMiddleware(
      new SlowLane({ ...config.slowLane, windowMs: 10_000, maxHeld: 32, maxAddresses: 10_000 }),
    ),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Swagger UI and Mantine inject inline styles.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'upgrade-insecure-requests': config.cookieSecure ? [] : null,
        },
      },
    }),
  );
  app.use(compression());
  // No-store, cookies, the refused-address check of sign-in and the cross-site check in one layer.
  app.use(
    requestGuard({
      cookies: cookieParser(),
      signIn: refuseThrottledAddresses(app.get(LoginLimiterService)),
    }),
  );
  app.use(...requestBody(config.requestJson, JSON_BODY_LIMIT_BYTES));
  answerClientErrorsAsProblems(app.getHttpServer());
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());

  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    useGlobalPrefix: false,
  });

  if (config.webDistDir && existsSync(path.join(config.webDistDir, 'index.html'))) {
    serveWebApp(app, config.webDistDir);
  }
}

/** The built dashboard at `/`, with index.html for every client-side route outside /api. */
function serveWebApp(app: NestExpressApplication, webDistDir: string): void {
  // The build writes each asset beside its brotli and gzip forms (vite.config.ts), compressed once
  // at their best level: served as they are, they cost no CPU per request and are smaller than the
  // on-the-fly compression, which steps aside for an answer already encoded.
  app.use(
    '/assets',
    expressStaticGzip(path.join(webDistDir, 'assets'), {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      serveStatic: { immutable: true, maxAge: '1y', fallthrough: false },
    }),
  );
  app.use(express.static(webDistDir, { index: false, maxAge: '1h' }));
  app.use((request: express.Request, response: express.Response, next: express.NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || request.path.startsWith('/api'))
      return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(path.join(webDistDir, 'index.html'));
  });
}

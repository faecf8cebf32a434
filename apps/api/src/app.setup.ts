import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import { INestApplication } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { NestPinoLogger, registerRequestLog, ROOT_LOGGER } from './common/logging';
import { answerClientErrorAsProblem, answerRoutingErrorAsProblem } from './common/http/client-error';
import { registerBodyParsers, requestGuard } from './common/http/request-guard';
import { securityHeadersOf } from './common/http/security-headers';
import { SlowLane, slowLaneHook } from './common/http/slow-lane';
import { FieldErrorDto, ProblemDocumentDto } from './common/problem-details/problem.dto';
import { createValidationPipe } from './common/validation/validation-pipe';
import { AppConfig } from './config/app-config';
import { SESSION_COOKIE } from './common/access/access.decorators';
import { LoginLimiterService, refuseThrottledAddresses } from './auth';
import { requestIdOf } from './common/request-context/request-id';
import { ShutdownState } from './shutdown/shutdown-state';
import { serveWebApp } from './web-app';

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

/** The HTTP server the API runs on: shared by main and the tests. */
export function createHttpAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    // X-Forwarded-For is believed only from the proxies TRUST_PROXY names: anyone can send the header.
    trustProxy: config.trustProxy ?? false,
    genReqId: requestIdOf,
    requestIdHeader: false,
    // Requests are logged by the API's own hooks (common/logging), not by Fastify's logger.
    logger: false,
    routerOptions: { ignoreTrailingSlash: true, caseSensitive: false },
    // Node's own timeouts, as the API had them: Fastify would keep idle connections 72 s.
    keepAliveTimeout: 5_000,
    requestTimeout: 300_000,
    clientErrorHandler: answerClientErrorAsProblem,
    frameworkErrors: answerRoutingErrorAsProblem,
    // Uploads are read by the routes' interceptors, within their own limits.
    multipart: true,
    // The API has no Nest middleware (its request hooks are Fastify's own, in configureApp), so the
    // middleware layer (@fastify/middie) would only be one more step on every request. A Nest
    // middleware (consumer.apply, app.use) needs this removed: with it, Nest fails to register the
    // middleware, with a TypeError or a misleading warning about the route's path.
    skipMiddie: true,
  });
}

/** Everything about the HTTP surface that is not a route: shared by main and the tests. */
export async function configureApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  app.useLogger(app.get(NestPinoLogger));
  const fastify = app.getHttpAdapter().getInstance();
  // Before the API's other hooks (Nest's adapter has its own before them), so that the lines logged on
  // a request's behalf name it, whatever answers it.
  registerRequestLog(fastify, app.get(ROOT_LOGGER));
  // helmet's headers, computed once and set as Fastify's own (security-headers.ts says why); before
  // the drain and the slow lane, so that their 503 and 429 carry them too.
  const securityHeaders = securityHeadersOf({
    contentSecurityPolicy: {
      directives: {
        // Swagger UI and Mantine inject inline styles.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'upgrade-insecure-requests': config.cookieSecure ? [] : null,
      },
    },
  });
  fastify.addHook('onRequest', (_request, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });
  // Early, so that every request is counted for the drain on shutdown.
  fastify.addHook('onRequest', app.get(ShutdownState).hook);
  // Before anything reads a body: a client that keeps sending refused requests waits here.
  fastify.addHook(
    'onRequest',
    slowLaneHook(new SlowLane({ ...config.slowLane, windowMs: 10_000, maxHeld: 32, maxAddresses: 10_000 })),
  );
  // Gzip first, as the Express stack chose: brotli on the fly costs more CPU for little gain on JSON.
  await app.register(fastifyCompress, { encodings: ['gzip', 'deflate', 'br'], globalDecompression: false });
  await app.register(fastifyCookie);
  // No-store, the refused-address check of sign-in and the cross-site check in one hook.
  fastify.addHook(
    'onRequest',
    requestGuard({ signIn: refuseThrottledAddresses(app.get(LoginLimiterService)) }),
  );
  registerBodyParsers(fastify, config.requestJson, JSON_BODY_LIMIT_BYTES);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());

  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    useGlobalPrefix: false,
  });

  if (config.webDistDir && existsSync(path.join(config.webDistDir, 'index.html'))) {
    await serveWebApp(app, fastify, config.webDistDir);
  }
}

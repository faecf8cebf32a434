import { readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SessionsService } from './auth';
import { ComplianceService } from './compliance';
import { RequestContext, type SessionUser } from './common/request-context/request-context';
import { SESSION_COOKIE } from './common/access/access.decorators';
import { readerLanguage } from './common/first-screen/first-screen';
import { readPrerenderedOverview, signedInOverviewPage } from './common/first-screen/signed-in-first-screen';
import { PublicPageService } from './public-page/public-page.service';
import { prerenderedFundPage, readPrerenderedFund } from './public-page/public-page.prerender';
import { PROJECT_READERS, projectKeyOf } from './projects/projects.controller';
import { ProjectsService } from './projects/projects.service';
import { projectPage, readPrerenderedProjectPage } from './projects/project-page.prerender';
import { UsersService, type UserDto } from './users';

/** Everything under /api is the API's: an unknown path there is a 404, never the dashboard. */
const API_PATH = /^\/api(?:[/?]|$)/i;

const logger = new Logger('WebApp');

/** The built dashboard at `/`, with index.html for every client-side route outside /api. */
export async function serveWebApp(
  app: NestFastifyApplication,
  fastify: FastifyInstance,
  webDistDir: string,
): Promise<void> {
  // The build writes each asset beside its brotli and gzip forms (vite.config.ts), compressed once
  // at their best level: served as they are, they cost no CPU per request and are smaller than the
  // on-the-fly compression, which steps aside for an answer already encoded.
  await app.register(fastifyStatic, {
    root: path.join(webDistDir, 'assets'),
    prefix: '/assets/',
    preCompressed: true,
    immutable: true,
    maxAge: '1y',
  });
  // The files beside index.html (icons, the manifest), each a route of its own, so that every other
  // path is left to the dashboard's own routes below.
  await app.register(fastifyStatic, {
    root: webDistDir,
    prefix: '/',
    index: false,
    wildcard: false,
    // prerendered/ is read by / and /fund below, not served as it is.
    globIgnore: ['assets/**', 'prerendered/**'],
    maxAge: '1h',
    decorateReply: false,
  });
  const indexHtml = readFileSync(path.join(webDistDir, 'index.html'), 'utf8');
  const sendIndex = (reply: FastifyReply) =>
    reply.header('Cache-Control', 'no-cache').sendFile('index.html', webDistDir, { cacheControl: false });
  serveFundPage(app, fastify, webDistDir, indexHtml);
  serveOverview(app, fastify, webDistDir, indexHtml, sendIndex);
  serveProjectPage(app, fastify, webDistDir, indexHtml, sendIndex);
  fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    if (API_PATH.test(request.url)) return reply.callNotFound();
    return sendIndex(reply);
  });
}

/**
 * The Fund's public page arrives with its first screen drawn and the public answer inlined
 * (public-page.prerender.ts), so a phone paints it before any script runs. Without the build's
 * prerendered screens, or when the figures cannot be read, it is index.html as any other route.
 */
function serveFundPage(
  app: NestFastifyApplication,
  fastify: FastifyInstance,
  webDistDir: string,
  indexHtml: string,
): void {
  const prerendered = readPrerenderedFund(webDistDir);
  if (!prerendered) return;
  const { screens, firstScreenCss } = prerendered;
  const languages = Object.keys(screens);
  const publicPage = app.get(PublicPageService);
  fastify.get('/fund', async (request: FastifyRequest, reply: FastifyReply) => {
    const language = readerLanguage(request, languages);
    let html = indexHtml;
    try {
      html = prerenderedFundPage(
        indexHtml,
        screens[language]!,
        language,
        await publicPage.fund(),
        firstScreenCss,
      );
    } catch (error) {
      logger.warn(`/fund sent without its prerendered first screen: ${String(error)}`);
    }
    // As fresh as the public answer it carries: revalidated on every visit, never reused as it
    // is; and one page per language.
    return reply
      .header('Cache-Control', 'no-cache')
      .header('Vary', 'Accept-Language, Cookie')
      .type('text/html; charset=utf-8')
      .send(html);
  });
}

/** A reader with a live session: who they are to the API, and their GET /auth/me answer. */
interface SignedInReader {
  session: SessionUser;
  user: UserDto;
}

/** Who a page is drawn for: the user of the request's live session, or null (then the page is index.html). */
function signedInReader(
  app: NestFastifyApplication,
): (request: FastifyRequest) => Promise<SignedInReader | null> {
  const sessions = app.get(SessionsService);
  const users = app.get(UsersService);
  return async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await sessions.resolve(token) : null;
    return session ? { session, user: await users.get(session.id) } : null;
  };
}

/**
 * The overview, at `/`, arrives drawn for a reader with a live session: the shell and the greeting
 * in their language, with their name, and their GET /auth/me answer inlined
 * (common/first-screen/signed-in-first-screen.ts). Anyone else gets index.html, whose script sends
 * them to sign in. The page names its reader: never stored by a cache, shared or not.
 */
function serveOverview(
  app: NestFastifyApplication,
  fastify: FastifyInstance,
  webDistDir: string,
  indexHtml: string,
  sendIndex: (reply: FastifyReply) => FastifyReply,
): void {
  const overview = readPrerenderedOverview(webDistDir);
  if (!overview) return;
  const languages = Object.keys(overview.screens);
  const readerOf = signedInReader(app);
  fastify.get('/', async (request: FastifyRequest, reply: FastifyReply) => {
    let html: string | null = null;
    try {
      const user = (await readerOf(request))?.user;
      if (user)
        html = signedInOverviewPage(
          indexHtml,
          overview,
          readerLanguage(request, languages),
          user,
          JSON.stringify(user),
        );
    } catch (error) {
      logger.warn(`/ sent without its prerendered first screen: ${String(error)}`);
    }
    return sendSignedInPage(reply, html, sendIndex);
  });
}

/**
 * A project's page, at /projects/:id or /projects/HS-2026-0004, arrives drawn for a reader with a
 * live session whose role reads projects: the shell, the project's heading in their language, and
 * the project's and the reader's answers inlined (projects/project-page.prerender.ts). A reviewer,
 * a project that does not exist, or anyone without a session gets index.html, and the dashboard
 * answers them as it would (the sign-in page, or "not found").
 */
function serveProjectPage(
  app: NestFastifyApplication,
  fastify: FastifyInstance,
  webDistDir: string,
  indexHtml: string,
  sendIndex: (reply: FastifyReply) => FastifyReply,
): void {
  const prerendered = readPrerenderedProjectPage(webDistDir);
  if (!prerendered) return;
  const languages = Object.keys(prerendered.screens);
  const readerOf = signedInReader(app);
  const projects = app.get(ProjectsService);
  const compliance = app.get(ComplianceService);
  fastify.get('/projects/:key', async (request: FastifyRequest<{ Params: { key: string } }>, reply) => {
    const { key } = request.params;
    let html: string | null = null;
    try {
      const projectKey = projectKeyOf(key);
      const reader = projectKey ? await readerOf(request) : null;
      if (projectKey && reader && (PROJECT_READERS as readonly string[]).includes(reader.user.role)) {
        const project = await projects.find(projectKey);
        if (project) {
          const ctx = new RequestContext(String(request.id), reader.session, request.ip);
          html = projectPage(indexHtml, prerendered, readerLanguage(request, languages), {
            project,
            compliance: await compliance.forProject(ctx, project.id),
            user: reader.user,
            currentUserJson: JSON.stringify(reader.user),
          });
        }
      }
    } catch (error) {
      logger.warn(`${request.url} sent without its prerendered first screen: ${String(error)}`);
    }
    return sendSignedInPage(reply, html, sendIndex);
  });
}

/** A page drawn for its reader, or index.html: one address, a page per session, never kept by a cache. */
function sendSignedInPage(
  reply: FastifyReply,
  html: string | null,
  sendIndex: (reply: FastifyReply) => FastifyReply,
): FastifyReply {
  // A cache may keep the plain page, never give it for the other.
  reply.header('Vary', 'Cookie');
  if (html === null) return sendIndex(reply);
  return reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(html);
}

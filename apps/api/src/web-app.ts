import { readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readsProjects } from '@hstf/domain';
import { SessionsService } from './auth';
import { signInPages } from './auth/sign-in-page.prerender';
import { ComplianceService } from './compliance';
import { RequestContext, type SessionUser } from './common/request-context/request-context';
import { SESSION_COOKIE } from './common/access/access.decorators';
import { readerLanguage } from './common/first-screen/first-screen';
import { readPrerenderedOverview, signedInOverviewPage } from './common/first-screen/signed-in-first-screen';
import { PublicPageService } from './public-page/public-page.service';
import { prerenderedFundPage, readPrerenderedFund } from './public-page/public-page.prerender';
import { projectKeyOf } from './projects/projects.controller';
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
    // prerendered/ is read by the drawn pages' routes below, not served as it is.
    globIgnore: ['assets/**', 'prerendered/**'],
    maxAge: '1h',
    decorateReply: false,
  });
  const indexHtml = readFileSync(path.join(webDistDir, 'index.html'), 'utf8');
  const sendIndex = (reply: FastifyReply) =>
    reply.header('Cache-Control', 'no-cache').sendFile('index.html', webDistDir, { cacheControl: false });
  serveFundPage(app, fastify, webDistDir, indexHtml);
  const pages = { indexHtml, sendIndex };
  serveSignInPage(app, fastify, webDistDir, pages);
  serveOverview(app, fastify, webDistDir, pages);
  serveProjectPage(app, fastify, webDistDir, pages);
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

/**
 * The sign-in page arrives drawn to a reader without a live session (auth/sign-in-page.prerender.ts).
 * A reader with one gets index.html, whose script takes them where they were going.
 */
function serveSignInPage(
  app: NestFastifyApplication,
  fastify: FastifyInstance,
  webDistDir: string,
  pages: WebPages,
): void {
  const drawn = signInPages(pages.indexHtml, webDistDir);
  if (!drawn) return;
  const languages = [...drawn.keys()];
  const sessionOf = liveSession(app);
  fastify.get('/sign-in', async (request: FastifyRequest, reply: FastifyReply) => {
    // One page per language, and another with a session: a cache keeps each apart.
    reply.header('Vary', 'Accept-Language, Cookie');
    try {
      if ((await sessionOf(request)) !== null) return pages.sendIndex(reply);
    } catch (error) {
      // Whether the session lives is unknown: the dashboard asks the API itself, as on index.html.
      logger.warn(`/sign-in sent without its prerendered first screen: ${String(error)}`);
      return pages.sendIndex(reply);
    }
    return reply
      .header('Cache-Control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(drawn.get(readerLanguage(request, languages)));
  });
}

/** The live session of a page's request (its cookie, resolved as the API's guard does), or null. */
function liveSession(app: NestFastifyApplication): (request: FastifyRequest) => Promise<SessionUser | null> {
  const sessions = app.get(SessionsService);
  return async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    return token ? sessions.resolve(token) : null;
  };
}

/** A reader with a live session: who they are to the API, and their GET /auth/me answer. */
interface SignedInReader {
  session: SessionUser;
  user: UserDto;
}

/** What serves the dashboard's pages: its index.html, and how to send it as it is. */
interface WebPages {
  indexHtml: string;
  sendIndex: (reply: FastifyReply) => FastifyReply;
}

/**
 * A route whose page is drawn for the reader of the request's live session by `draw` (null when it
 * draws nothing for them): anyone else, or a page that cannot be drawn, gets index.html, whose script
 * answers as it would (the sign-in page, "not found"). The page names its reader: one address, a page
 * per session, never stored by a cache, shared or not.
 */
function drawnForReader<P>(
  app: NestFastifyApplication,
  fastify: FastifyInstance,
  pages: WebPages,
  route: string,
  draw: (reader: SignedInReader, request: FastifyRequest<{ Params: P }>) => Promise<string | null>,
): void {
  const sessionOf = liveSession(app);
  const users = app.get(UsersService);
  fastify.get(route, async (request: FastifyRequest<{ Params: P }>, reply: FastifyReply) => {
    let html: string | null = null;
    try {
      const session = await sessionOf(request);
      if (session) html = await draw({ session, user: await users.get(session.id) }, request);
    } catch (error) {
      // The path alone: a query string is the reader's own.
      logger.warn(`${request.url.split('?')[0]} sent without its prerendered first screen: ${String(error)}`);
    }
    // A cache may keep the plain page, never give it for the other.
    reply.header('Vary', 'Cookie');
    if (html === null) return pages.sendIndex(reply);
    return reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(html);
  });
}

/**
 * The overview, at `/`, arrives drawn for a reader with a live session: the shell and the greeting
 * in their language, with their name, and their GET /auth/me answer inlined
 * (common/first-screen/signed-in-first-screen.ts).
 */
function serveOverview(
  app: NestFastifyApplication,
  fastify: FastifyInstance,
  webDistDir: string,
  pages: WebPages,
): void {
  const overview = readPrerenderedOverview(webDistDir);
  if (!overview) return;
  const languages = Object.keys(overview.screens);
  drawnForReader(app, fastify, pages, '/', ({ user }, request) =>
    Promise.resolve(
      signedInOverviewPage(
        pages.indexHtml,
        overview,
        readerLanguage(request, languages),
        user,
        JSON.stringify(user),
      ),
    ),
  );
}

/**
 * A project's page, at /projects/:id or /projects/HS-2026-0004, arrives drawn for a reader with a
 * live session whose role reads projects: the shell, the project's heading in their language, and
 * the project's, its paragraph 6 and the reader's answers inlined (projects/project-page.prerender.ts).
 * A reviewer, or a project that does not exist, gets index.html.
 */
function serveProjectPage(
  app: NestFastifyApplication,
  fastify: FastifyInstance,
  webDistDir: string,
  pages: WebPages,
): void {
  const prerendered = readPrerenderedProjectPage(webDistDir);
  if (!prerendered) return;
  const languages = Object.keys(prerendered.screens);
  const projects = app.get(ProjectsService);
  const compliance = app.get(ComplianceService);
  drawnForReader<{ key: string }>(app, fastify, pages, '/projects/:key', async (reader, request) => {
    const key = projectKeyOf(request.params.key);
    // The session's role, as the API's guard reads it.
    if (!key || !readsProjects(reader.session.role)) return null;
    const project = await projects.find(key);
    if (!project) return null;
    const ctx = new RequestContext(String(request.id), reader.session, request.ip);
    return projectPage(pages.indexHtml, prerendered, readerLanguage(request, languages), {
      project,
      compliance: await compliance.forProject(ctx, project.id),
      user: reader.user,
      currentUserJson: JSON.stringify(reader.user),
    });
  });
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SessionsService } from './auth';
import { SESSION_COOKIE } from './common/access/access.decorators';
import { readerLanguage, signedInIndexPage } from './common/first-screen/first-screen';
import {
  languageModule,
  readRoutePreloads,
  screenModuleOf,
  SIGNED_IN_MODULES,
} from './common/first-screen/route-preloads';
import {
  CURRENT_USER_DATA_ID,
  readPrerenderedOverview,
  signedInOverviewPage,
} from './common/first-screen/signed-in-first-screen';
import { PublicPageService } from './public-page/public-page.service';
import { prerenderedFundPage, readPrerenderedFund } from './public-page/public-page.prerender';
import { UserDto, UsersService } from './users';

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
    // prerendered/ is read by / and /fund below, .vite/ (the build's manifest) by the preloads.
    globIgnore: ['assets/**', 'prerendered/**', '.vite/**'],
    maxAge: '1h',
    decorateReply: false,
  });
  const indexHtml = readFileSync(path.join(webDistDir, 'index.html'), 'utf8');
  const sendIndex = (reply: FastifyReply) =>
    reply.header('Cache-Control', 'no-cache').sendFile('index.html', webDistDir, { cacheControl: false });
  const readerOf = signedInReaders(app);
  const preloads = readRoutePreloads(webDistDir);
  /**
   * index.html, for a reader with a live session with the screen's code preloaded and their GET
   * /auth/me answer inlined: the page names its reader, so it is never stored by a cache, and one
   * address gives a page per session.
   */
  const sendScreen = async (request: FastifyRequest, reply: FastifyReply, reader: UserDto | null) => {
    reply.header('Vary', 'Cookie');
    if (!reader || !preloads) return sendIndex(reply);
    const language = readerLanguage(request, preloads.languages);
    const screen = screenModuleOf(request.url.split('?')[0] ?? '/');
    const links = preloads.links([
      ...SIGNED_IN_MODULES,
      ...(language === 'en' ? [] : [languageModule(language)]),
      ...(screen ? [screen] : []),
    ]);
    const html = signedInIndexPage(indexHtml, links, { [CURRENT_USER_DATA_ID]: JSON.stringify(reader) });
    return reply.header('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(html);
  };
  serveFundPage(app, fastify, webDistDir, indexHtml);
  serveOverview(fastify, webDistDir, indexHtml, readerOf, sendScreen);
  fastify.get('/*', async (request: FastifyRequest, reply: FastifyReply) => {
    if (API_PATH.test(request.url)) return reply.callNotFound();
    return sendScreen(request, reply, await readerOf(request));
  });
}

type ReaderOf = (request: FastifyRequest) => Promise<UserDto | null>;

/**
 * The reader a page request carries a live session for (by its cookie, resolved as the API's guard
 * resolves it), with their GET /auth/me answer; null without one, or when it cannot be read (the
 * page is then sent as to anyone, and the dashboard asks the API itself).
 */
function signedInReaders(app: NestFastifyApplication): ReaderOf {
  const sessions = app.get(SessionsService);
  const users = app.get(UsersService);
  return async (request) => {
    try {
      const token = request.cookies[SESSION_COOKIE];
      const session = token ? await sessions.resolve(token) : null;
      return session ? await users.get(session.id) : null;
    } catch (error) {
      logger.warn(`${request.url} sent without its reader: ${String(error)}`);
      return null;
    }
  };
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
 * The overview, at `/`, arrives drawn for a reader with a live session: the shell and the greeting
 * in their language, with their name, and their GET /auth/me answer inlined
 * (common/first-screen/signed-in-first-screen.ts). Anyone else gets index.html, whose script sends
 * them to sign in. The page names its reader: never stored by a cache, shared or not.
 */
function serveOverview(
  fastify: FastifyInstance,
  webDistDir: string,
  indexHtml: string,
  readerOf: ReaderOf,
  sendScreen: (request: FastifyRequest, reply: FastifyReply, reader: UserDto | null) => Promise<FastifyReply>,
): void {
  const overview = readPrerenderedOverview(webDistDir);
  if (!overview) return;
  const languages = Object.keys(overview.screens);
  fastify.get('/', async (request: FastifyRequest, reply: FastifyReply) => {
    const reader = await readerOf(request);
    let html: string | null = null;
    if (reader) {
      try {
        html = signedInOverviewPage(
          indexHtml,
          overview,
          readerLanguage(request, languages),
          reader,
          JSON.stringify(reader),
        );
      } catch (error) {
        logger.warn(`/ sent without its prerendered first screen: ${String(error)}`);
      }
    }
    if (html === null) return sendScreen(request, reply, reader);
    return reply
      .header('Vary', 'Cookie')
      .header('Cache-Control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(html);
  });
}

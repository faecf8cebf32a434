import fastifyMultipart from '@fastify/multipart';
import Fastify from 'fastify';
import { registerBodyParsers } from './request-guard';

describe('the body parsers', () => {
  it('keep the multipart parser of an upload plugin loaded before them', async () => {
    const fastify = Fastify();
    // As in the API: the adapter's @fastify/multipart loads with the first plugin awaited.
    await fastify.register(fastifyMultipart);
    registerBodyParsers(fastify, { maxDepth: 8, maxNodes: 100 }, 1024);
    fastify.post('/upload', (request, reply) => reply.send({ multipart: request.isMultipart() }));

    const boundary = 'x-boundary';
    const answer = await fastify.inject({
      method: 'POST',
      url: '/upload',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nstrategies\r\n--${boundary}--\r\n`,
    });
    await fastify.close();

    expect(answer.json()).toEqual({ multipart: true });
  });
});

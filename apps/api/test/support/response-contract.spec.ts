import type { OpenAPIObject } from '@nestjs/swagger';
import { type Answer, ResponseContract } from './response-contract';

const problem = {
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDocumentDto' } } },
};

/** A small document in the shape @nestjs/swagger writes, with the API's conventions. */
const document: OpenAPIObject = {
  openapi: '3.0.0',
  info: { title: 'test', version: '1' },
  paths: {
    '/api/v1/things': {
      get: {
        responses: {
          200: {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ThingPage' } } },
          },
          403: { description: 'forbidden', ...problem },
          409: { description: 'declared without a body' },
          default: { description: 'error', ...problem },
        },
      },
    },
    '/api/v1/things/{id}': {
      get: {
        responses: {
          200: {
            description: 'ok',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
          },
          default: { description: 'error', ...problem },
        },
      },
      delete: { responses: { 204: { description: 'gone' }, default: { description: 'error', ...problem } } },
    },
    '/api/v1/things/mine': {
      get: {
        responses: {
          200: {
            description: 'ok',
            content: { 'application/json': { schema: { type: 'array', items: { type: 'string' } } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['id', 'stage', 'amount', 'closedOn'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          stage: { type: 'string', enum: ['draft', 'done'] },
          amount: { type: 'string', example: '10.00' },
          closedOn: { type: 'string', format: 'date', nullable: true },
          owner: { nullable: true, allOf: [{ $ref: '#/components/schemas/Owner' }] },
        },
      },
      Owner: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
      ThingPage: {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          items: { type: 'array', items: { $ref: '#/components/schemas/Thing' } },
          nextCursor: { type: 'string', nullable: true },
        },
      },
      ProblemDocumentDto: {
        type: 'object',
        required: ['type', 'title', 'status'],
        properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'number' } },
      },
    },
  },
};

const thing = {
  id: '6f1c2b9e-8a4d-4b1e-9c3a-2d5e7f9a1b3c',
  stage: 'draft',
  amount: '10.00',
  closedOn: null,
  owner: { name: 'UNDP' },
};

function answer(partial: Partial<Answer> & { body?: unknown }): Answer {
  return {
    method: 'get',
    url: '/api/v1/things',
    status: 200,
    contentType: 'application/json; charset=utf-8',
    text: partial.body === undefined ? '' : JSON.stringify(partial.body),
    ...partial,
  };
}

describe('the response contract', () => {
  const contract = new ResponseContract(document);

  it('accepts an answer that is what the document declares', () => {
    expect(contract.violation(answer({ body: { items: [thing], nextCursor: null } }))).toBeUndefined();
    expect(
      contract.violation(answer({ url: `/api/v1/things/${thing.id}?x=1`, body: { ...thing, owner: null } })),
    ).toBeUndefined();
  });

  it('refuses a value outside an enum, naming the route, the status and the path', () => {
    const violation = contract.violation(
      answer({ body: { items: [{ ...thing, stage: 'archived' }], nextCursor: null } }),
    );
    expect(violation).toContain('GET /api/v1/things answered 200');
    expect(violation).toContain('/items/0/stage must be equal to one of the allowed values');
  });

  it('refuses a property the document does not declare', () => {
    const violation = contract.violation(
      answer({ url: `/api/v1/things/${thing.id}`, body: { ...thing, secret: 'x' } }),
    );
    expect(violation).toContain('GET /api/v1/things/{id} answered 200');
    expect(violation).toContain('has "secret", which the document does not declare');
  });

  it('refuses a declared property that is missing, and null where null is not allowed', () => {
    const { amount: _amount, ...withoutAmount } = thing;
    expect(contract.violation(answer({ url: `/api/v1/things/${thing.id}`, body: withoutAmount }))).toContain(
      "must have required property 'amount'",
    );
    expect(
      contract.violation(answer({ url: `/api/v1/things/${thing.id}`, body: { ...thing, amount: null } })),
    ).toContain('/amount must be string');
  });

  it('refuses a malformed format and a nested object of the wrong shape', () => {
    const violation = contract.violation(
      answer({ url: `/api/v1/things/${thing.id}`, body: { ...thing, closedOn: '06/12/2026', owner: {} } }),
    );
    expect(violation).toContain('/closedOn must match format "date"');
    expect(violation).toContain("/owner must have required property 'name'");
  });

  it('refuses a success status the route does not declare', () => {
    expect(contract.violation(answer({ status: 201, body: { items: [], nextCursor: null } }))).toContain(
      'the document declares no 201 answer',
    );
  });

  it("checks a problem document against the status's response, or the default when the status is not declared", () => {
    const forbidden = { type: 'about:blank', title: 'Forbidden', status: 403 };
    const problemAnswer = { contentType: 'application/problem+json' };
    expect(contract.violation(answer({ ...problemAnswer, status: 403, body: forbidden }))).toBeUndefined();
    expect(
      contract.violation(
        answer({ ...problemAnswer, status: 404, url: '/api/v1/things/x', body: { title: 'x' } }),
      ),
    ).toContain("must have required property 'type'");
    expect(
      contract.violation(
        answer({ ...problemAnswer, status: 404, url: '/api/v1/nowhere', body: { status: 404 } }),
      ),
    ).toContain('GET /api/v1/nowhere answered 404');
  });

  it('refuses a body where the document declares none, and JSON where it declares a problem document', () => {
    expect(
      contract.violation(
        answer({
          status: 409,
          contentType: 'application/problem+json',
          body: { type: 'x', title: 'x', status: 409 },
        }),
      ),
    ).toContain('the document declares no body');
    expect(
      contract.violation(
        answer({ method: 'delete', url: `/api/v1/things/${thing.id}`, status: 204, body: {} }),
      ),
    ).toContain('the document declares no body');
    expect(contract.violation(answer({ status: 400, body: { message: 'bad' } }))).toContain(
      'the document declares application/problem+json',
    );
  });

  it('prefers a literal path segment over a parameter', () => {
    expect(contract.route('/api/v1/things/mine')).toBe('/api/v1/things/mine');
    expect(contract.violation(answer({ url: '/api/v1/things/mine', body: [1] }))).toContain(
      'GET /api/v1/things/mine answered 200',
    );
  });
});

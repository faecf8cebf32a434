import fc from 'fast-check';
import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  SchemaObject,
} from '@nestjs/swagger';

/** One generated request: what the fuzz suite sends and reports when an answer breaks a promise. */
export interface FuzzRequest {
  method: string;
  path: string;
  query: string;
  ifMatch?: string;
  /** JSON text (it may hold `__proto__` keys, which object literals cannot carry). */
  body?: string;
}

export interface FuzzOperation {
  method: string;
  template: string;
  operation: OperationObject;
}

/** Values from the database for path parameters, so that requests reach real records too. */
export type IdPools = (template: string, parameter: string) => string[];

const HOSTILE_STRINGS = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  'x\ud800',
  '\udc00y',
  "'; DROP TABLE projects; --",
  '%00',
  '../../etc/passwd',
  '9'.repeat(40),
  '-1',
  '1e309',
  'NaN',
  'null',
  '0000-00-00',
  '9999-12-31',
  '2026-02-30',
  '00000000-0000-0000-0000-000000000000',
  '\u202eevil',
  'ä'.repeat(300),
];

const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...HOSTILE_STRINGS),
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    2 ** 53,
    -(2 ** 63),
    1e308,
    {},
    [],
    [[]],
    [null],
    [{}],
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer(),
  fc.double(),
);

/** A JSON value that is often valid for the schema and sometimes deliberately not. */
export function valueFor(
  document: OpenAPIObject,
  schema: SchemaObject | ReferenceObject | undefined,
  depth = 0,
): fc.Arbitrary<unknown> {
  const resolved = resolve(document, schema);
  if (!resolved || depth > 6) return hostileScalar;
  return fc.oneof(
    { weight: 6, arbitrary: validFor(document, resolved, depth) },
    { weight: 1, arbitrary: hostileScalar },
  );
}

function validFor(document: OpenAPIObject, schema: SchemaObject, depth: number): fc.Arbitrary<unknown> {
  const nullable = schema.nullable ? [fc.constant(null)] : [];
  const one = (arbitrary: fc.Arbitrary<unknown>) =>
    nullable.length ? fc.oneof(arbitrary, ...nullable) : arbitrary;
  if (schema.allOf?.length) return valueFor(document, schema.allOf[0], depth + 1);
  if (schema.oneOf?.length) return fc.oneof(...schema.oneOf.map((s) => valueFor(document, s, depth + 1)));
  if (schema.enum?.length) return one(fc.constantFrom<unknown>(...schema.enum));
  switch (schema.type) {
    case 'object': {
      const properties = Object.entries(schema.properties ?? {});
      const required = new Set(schema.required ?? []);
      const members = properties.map(([name, property]) =>
        fc.option(fc.tuple(fc.constant(name), valueFor(document, property, depth + 1)), {
          freq: required.has(name) ? 12 : 2,
          nil: undefined,
        }),
      );
      const extra = fc.option(
        fc.tuple(
          fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'createdAt', 'role', 'x\u0000'),
          hostileScalar,
        ),
        { freq: 6, nil: undefined },
      );
      return one(
        fc.tuple(fc.tuple(...members), extra).map(([chosen, more]) =>
          // fromEntries defines `__proto__` as an own property, as JSON.parse does.
          Object.fromEntries(
            [...chosen, more].filter((entry): entry is [string, unknown] => entry !== undefined),
          ),
        ),
      );
    }
    case 'array':
      return one(
        fc.array(valueFor(document, schema.items, depth + 1), {
          maxLength: Math.min(schema.maxItems ?? 4, 4),
        }),
      );
    case 'integer':
    case 'number':
      return one(
        fc.oneof(
          fc.integer({ min: schema.minimum ?? -5, max: schema.maximum ?? 1000 }),
          fc.constantFrom(schema.minimum ?? 0, schema.maximum ?? 10, 1, 2, 3),
        ),
      );
    case 'boolean':
      return one(fc.boolean());
    case 'string':
      return one(stringFor(schema));
    default:
      return hostileScalar;
  }
}

function stringFor(schema: SchemaObject): fc.Arbitrary<string> {
  const example: unknown = schema.example;
  const examples = typeof example === 'string' ? [fc.constant(example)] : [];
  if (schema.format === 'uuid') return fc.oneof(fc.uuid(), ...examples);
  if (schema.format === 'date')
    return fc.oneof(
      fc
        .date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      ...examples,
    );
  if (schema.format === 'date-time')
    return fc
      .date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString());
  if (schema.pattern) return fc.oneof(fc.stringMatching(new RegExp(schema.pattern)), ...examples);
  return fc.oneof(
    fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) }),
    ...examples,
  );
}

function resolve(
  document: OpenAPIObject,
  schema: SchemaObject | ReferenceObject | undefined,
): SchemaObject | undefined {
  if (!schema) return undefined;
  if ('$ref' in schema) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(document, document.components?.schemas?.[name]);
  }
  return schema;
}

export function operationsOf(document: OpenAPIObject): FuzzOperation[] {
  return Object.entries(document.paths).flatMap(([template, item]) =>
    (['get', 'post', 'put', 'patch', 'delete'] as const).flatMap((method) =>
      item[method] ? [{ method: method.toUpperCase(), template, operation: item[method] }] : [],
    ),
  );
}

function queryValue(
  document: OpenAPIObject,
  schema: SchemaObject | ReferenceObject | undefined,
): fc.Arbitrary<string[]> {
  const resolved = resolve(document, schema);
  const scalar = (s: SchemaObject | ReferenceObject | undefined) =>
    valueFor(document, s).map((value) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? '')));
  if (resolved?.type === 'array') return fc.array(scalar(resolved.items), { minLength: 1, maxLength: 3 });
  return scalar(resolved).map((value) => [value]);
}

/** Requests for one operation, shaped by its parameters and body schema, with hostile values mixed in. */
export function requestsFor(
  document: OpenAPIObject,
  { method, template, operation }: FuzzOperation,
  ids: IdPools,
): fc.Arbitrary<FuzzRequest> {
  const parameters = (operation.parameters ?? []).filter((p): p is ParameterObject => !('$ref' in p));
  const pathParameters = parameters.filter((p) => p.in === 'path');
  const queryParameters = parameters.filter((p) => p.in === 'query');

  const path = fc
    .tuple(
      ...pathParameters.map((p) => {
        const pool = ids(template, p.name);
        const schemaValues = valueFor(document, p.schema).map((value) => String(value));
        return fc
          .oneof(
            ...(pool.length ? [{ weight: 6, arbitrary: fc.constantFrom(...pool) }] : []),
            { weight: 2, arbitrary: schemaValues },
            { weight: 1, arbitrary: fc.uuid() },
          )
          .map((value) => [p.name, value] as const);
      }),
    )
    .map((values) =>
      values.reduce((url, [name, value]) => url.replace(`{${name}}`, percentEncode(value)), template),
    );

  const query = fc
    .tuple(
      ...queryParameters.map((p) =>
        fc.option(
          queryValue(document, p.schema).map((values) => values.map((v) => `${p.name}=${percentEncode(v)}`)),
          {
            freq: 2,
            nil: undefined,
          },
        ),
      ),
    )
    .map((pairs) => pairs.flatMap((pair) => pair ?? []).join('&'));

  const bodySchema = (
    operation.requestBody as { content?: Record<string, { schema?: SchemaObject }> } | undefined
  )?.content?.['application/json']?.schema;
  const body = bodySchema
    ? fc.oneof(
        { weight: 8, arbitrary: valueFor(document, bodySchema).map((v) => JSON.stringify(v) ?? 'null') },
        { weight: 1, arbitrary: fc.json() },
      )
    : fc.constant(undefined);
  const ifMatch = fc.option(
    fc.constantFrom('"1"', '"2"', 'W/"1"', '"0"', '"-1"', '"99999999999999999999"', '*', 'x\ty'),
    {
      freq: 4,
      nil: undefined,
    },
  );

  return fc.record({
    method: fc.constant(method),
    path,
    query,
    ifMatch,
    body,
  });
}

/**
 * encodeURIComponent, except that a lone surrogate (which it refuses) is sent as the bytes of its
 * generalized UTF-8 form, which are not valid UTF-8: what a hostile client can put in a URL.
 */
export function percentEncode(value: string): string {
  return value
    .split(/([\uD800-\uDFFF])/u)
    .map((part, index) => {
      if (index % 2 === 0) return encodeURIComponent(part);
      const unit = part.charCodeAt(0);
      return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    })
    .join('');
}

import { appendFileSync } from 'node:fs';
import type { OpenAPIObject } from '@nestjs/swagger';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** One answer of the API, as the test client received it. */
export interface Answer {
  method: string;
  /** The path the request was sent to, with or without its query string. */
  url: string;
  status: number;
  contentType?: string;
  /** The raw body text (empty when there was none). */
  text: string;
}

type Schema = Record<string, unknown>;

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

interface Route {
  template: string;
  pattern: RegExp;
  params: number;
}

const SCHEMAS = 'openapi';
const JSON_MEDIA = /^application\/(?:[\w.-]+\+)?json$/;

/**
 * Checks answers against the OpenAPI document: the schema declared for the route, the method and
 * the status (an error status the route does not declare against its `default`, the problem
 * document). Stricter than OpenAPI's defaults on purpose: an object may carry only the properties
 * the document declares (`additionalProperties: false` unless a schema says otherwise), so a field
 * sent but not documented fails as surely as one documented but not sent.
 */
export class ResponseContract {
  private readonly ajv: Ajv;
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenAPIObject) {
    this.ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
    addFormats(this.ajv);
    // Annotations OpenAPI adds to JSON Schema: they describe, they do not constrain.
    this.ajv.addVocabulary(['example']);
    const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
    this.ajv.addSchema({
      $id: SCHEMAS,
      $defs: Object.fromEntries(
        Object.entries(schemas).map(([name, schema]) => [name, toJsonSchema(schema)]),
      ),
    });
    this.routes = Object.keys(document.paths)
      .map((template) => ({
        template,
        pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        params: (template.match(/\{/g) ?? []).length,
      }))
      // A literal segment wins over a parameter: /reviews/mine before /reviews/{id}.
      .sort((a, b) => a.params - b.params);
  }

  /** The route template of the document that a request path falls under, if any. */
  route(url: string): string | undefined {
    const path = decodeURI(url.split('?')[0]!);
    return this.routes.find((route) => route.pattern.test(path))?.template;
  }

  /**
   * Why the answer breaks the contract, or undefined when it keeps it. Answers that are neither
   * JSON nor a route of the document (the Swagger UI, the web app's files) have no contract.
   */
  violation(answer: Answer): string | undefined {
    const { method, status, text } = answer;
    const mediaType = answer.contentType?.split(';')[0]!.trim().toLowerCase();
    const template = this.route(answer.url);
    const operation = template
      ? ((this.document.paths[template] as Record<string, Operation | undefined>)[method.toLowerCase()] ??
        undefined)
      : undefined;
    const where = `${method.toUpperCase()} ${template ?? answer.url} answered ${status}${mediaType ? ` (${mediaType})` : ''}`;
    if (method.toUpperCase() === 'HEAD') return undefined;

    if (!operation) {
      // Outside the document only a problem document has a contract (the routes' fallback 404).
      if (mediaType !== 'application/problem+json') return undefined;
      return this.validate(where, { $ref: `${SCHEMAS}#/$defs/ProblemDocumentDto` }, text);
    }

    const declared = operation.responses[String(status)];
    const fallback = operation.responses.default;
    if (!declared && status < 400)
      return `${where}: the document declares no ${status} answer for this route`;
    const response = declared ?? fallback;
    if (!text) {
      if (response?.content && status !== 204 && status !== 304)
        return `${where}: no body, but the document declares one`;
      return undefined;
    }
    if (!mediaType) return `${where}: a body without a content type`;
    const content = response?.content?.[mediaType];
    if (!content?.schema) {
      const declaredTypes = Object.keys(response?.content ?? {});
      return `${where}: the document declares ${declaredTypes.length ? declaredTypes.join(', ') : 'no body'} for it`;
    }
    if (!JSON_MEDIA.test(mediaType)) return undefined;
    return this.validate(where, content.schema, text);
  }

  private validate(where: string, schema: Schema, text: string): string | undefined {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return `${where}: the body is not JSON: ${text.slice(0, 200)}`;
    }
    const validator = this.validator(schema);
    if (validator(body)) return undefined;
    return `${where}, which the OpenAPI document does not allow:\n${describe(validator.errors ?? [], body)}`;
  }

  private validator(schema: Schema): ValidateFunction {
    const key = JSON.stringify(schema);
    let validator = this.validators.get(key);
    if (!validator) {
      validator = this.ajv.compile(toJsonSchema(schema));
      this.validators.set(key, validator);
    }
    return validator;
  }
}

/** Throws (failing the request's test) when the answer breaks the contract; logs it when asked. */
export function assertContract(contract: ResponseContract, answer: Answer): void {
  const violation = contract.violation(answer);
  const log = process.env.HSTF_CONTRACT_LOG;
  if (log) {
    const route = contract.route(answer.url) ?? '(outside the document)';
    appendFileSync(
      log,
      `${violation ? 'FAIL' : 'ok'}\t${answer.method.toUpperCase()}\t${route}\t${answer.status}\n`,
    );
  }
  if (violation) throw new Error(violation);
}

function describe(errors: ErrorObject[], body: unknown): string {
  return errors
    .slice(0, 10)
    .map((error) => {
      const at = error.instancePath || '(the body)';
      const detail =
        error.keyword === 'additionalProperties'
          ? `has "${(error.params as { additionalProperty: string }).additionalProperty}", which the document does not declare`
          : error.keyword === 'enum'
            ? `${error.message}: ${JSON.stringify((error.params as { allowedValues: unknown[] }).allowedValues)}`
            : error.message;
      return `  ${at} ${detail} (schema ${error.schemaPath}; value ${preview(valueAt(body, error.instancePath))})`;
    })
    .join('\n');
}

function valueAt(body: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (value, key) =>
        value && typeof value === 'object'
          ? (value as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')]
          : undefined,
      body,
    );
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/**
 * OpenAPI 3.0 schemas as JSON Schema for Ajv: `nullable` becomes a union with null, references
 * point into the document's schemas, and objects are closed to undeclared properties.
 */
function toJsonSchema<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map((item: unknown) => toJsonSchema(item)) as T;
  if (!schema || typeof schema !== 'object') return schema;
  const source = schema as Schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'nullable') continue;
    if (key === '$ref' && typeof value === 'string') {
      out.$ref = value.replace('#/components/schemas/', `${SCHEMAS}#/$defs/`);
    } else if (key === 'properties') {
      out[key] = Object.fromEntries(
        Object.entries(value as Schema).map(([name, property]) => [name, toJsonSchema(property)]),
      );
    } else if (key === 'example' || key === 'enum' || key === 'default' || key === 'required') {
      out[key] = value;
    } else {
      out[key] = toJsonSchema(value);
    }
  }
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  if (source.nullable === true) {
    return { anyOf: [out, { type: 'null' }] } as T;
  }
  return out as T;
}

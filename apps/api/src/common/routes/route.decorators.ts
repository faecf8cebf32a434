import { applyDecorators, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import type { Type } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { Role } from '@hstf/domain';
import { Authenticated } from '../access/access.decorators';

/**
 * What every route declares: its summary in the OpenAPI document and who may call it; the route
 * decorators below add the verb, and the status and type of the success answer.
 */
export interface RouteOptions {
  /** Below the controller's path; none (or '') for the controller's own. */
  path?: string;
  summary: string;
  roles: readonly Role[];
  /** The success answer's description, beside its type. */
  description?: string;
}

function route(verb: (path?: string) => MethodDecorator, { path, summary, roles }: RouteOptions) {
  return [verb(path), ApiOperation({ summary }), Authenticated(...roles)];
}

function answer(type: Type<unknown> | undefined, { description }: RouteOptions) {
  return { ...(type ? { type } : {}), ...(description ? { description } : {}) };
}

/** GET: 200 with `type`. */
export const ReadRoute = (type: Type<unknown>, options: RouteOptions) =>
  applyDecorators(...route(Get, options), ApiOkResponse(answer(type, options)));

/** POST: 201 with the record created. */
export const CreateRoute = (type: Type<unknown>, options: RouteOptions) =>
  applyDecorators(...route(Post, options), ApiCreatedResponse(answer(type, options)));

/** PATCH (of `:id` unless another path is given): 200 with the record as it is after the change. */
export const ChangeRoute = (type: Type<unknown>, options: RouteOptions) =>
  applyDecorators(...route(Patch, { path: ':id', ...options }), ApiOkResponse(answer(type, options)));

/** DELETE (of `:id` unless another path is given): 204, nothing in the answer. */
export const RemoveRoute = (options: RouteOptions) =>
  applyDecorators(
    ...route(Delete, { path: ':id', ...options }),
    HttpCode(204),
    ApiNoContentResponse(answer(undefined, options)),
  );

/** A path parameter that must be a UUID: 400 otherwise, before the route runs. */
export const UuidParam = (name = 'id') => Param(name, ParseUUIDPipe);

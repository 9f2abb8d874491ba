/**
 * @advocacy-kit/core/contract — the HTTP contract as data: every operation (./operations.ts) and
 * every resource's JSON Schema (./schemas.ts), built with TypeBox, plus the OpenAPI document and
 * route table generated from them. For servers, contract tests and tooling; browser code imports
 * only the types derived from it (from `@advocacy-kit/core`), never this entry.
 */
export * from './enums.js';
export * as schemas from './schemas.js';
export { StringEnum } from './schemas.js';
export {
  operations,
  pathParams,
  type Auth,
  type BodyOf,
  type HttpMethod,
  type Operation,
  type OperationId,
  type Operations,
  type ParamsOf,
  type QueryOf,
  type ResponseBody,
  type ResponseOf,
} from './operations.js';
export { openApiDocument, routeTable, routesModule } from './openapi.js';
export { rootRoutes, type RootRoute } from './root.js';

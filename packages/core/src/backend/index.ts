export * from './contract.js';
export type { AdvocacyBackend, AdvocacyAdminBackend } from './backend.js';
export {
  AdvocacyError,
  isAdvocacyError,
  isValidationError,
  codeForStatus,
  problemSlug,
  ADVOCACY_ERROR_CODES,
  PROBLEM_TYPE_BASE,
  type AdvocacyErrorCode,
  type AdvocacyErrorOptions,
} from './errors.js';
export { httpBackend, type HttpBackendOptions } from './http.js';
export type { HttpAdminFactory, HttpCall, HttpCallOptions } from './http-call.js';

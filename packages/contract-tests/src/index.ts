export { runContractSuite, selectChecks, type CheckResult, type CheckStatus, type ContractReport, type SuiteOptions } from './suite.js';
export { formatReport, formatResult, formatSummary, resultWriter } from './report.js';
export { httpTarget, visitOverHttp, type HttpTargetOptions } from './http-target.js';
export type { BackendFactory, ContractTarget } from './target.js';
export { GROUPS, type GroupId } from './check.js';

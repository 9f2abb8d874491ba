import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { GROUPS } from './check.js';
import { httpTarget } from './http-target.js';
import { formatSummary, resultWriter } from './report.js';
import { runContractSuite, selectChecks } from './suite.js';

export const USAGE = `Usage: advocacy-contract-tests --base-url <url> --employee-token <jwt> --other-employee-token <jwt> --admin-token <jwt> [--api-key <key>] [--erasable-employee-token <jwt>] [--json] [--only <groups or checks>]

Runs the Advocacy Kit contract checks against an API and exits non-zero when one fails.

  --base-url              API base URL with its version prefix (env ADVOCACY_BASE_URL), e.g. http://localhost:8787/api/v1
  --employee-token        bearer token of an employee (env ADVOCACY_EMPLOYEE_TOKEN)
  --other-employee-token  bearer token of a second employee (env ADVOCACY_OTHER_EMPLOYEE_TOKEN)
  --admin-token           bearer token of a program admin (env ADVOCACY_ADMIN_TOKEN)
  --api-key               API key of a system that reports conversions (env ADVOCACY_API_KEY); without it they are skipped
  --erasable-employee-token  bearer token of a test person the erasure check may anonymise for good (env ADVOCACY_ERASABLE_EMPLOYEE_TOKEN); without it that check is skipped
  --only                  comma-separated groups or check ids, e.g. feed,share or points.totals-agree
  --json                  print the report as JSON (for CI)
  --list                  list every check id and what it proves, then exit
  --version               print the version and exit
  --help                  show this help

Groups: ${GROUPS.map((group) => group.id).join(', ')}
`;

/** This package's version, read from its package.json (dist/cli.js → ../package.json). */
export function packageVersion(): string {
  return (createRequire(import.meta.url)('../package.json') as { version: string }).version;
}

/** Every check id under its group, with what it proves. */
function listChecks(): string {
  return GROUPS.map((group) => {
    const checks = selectChecks([group.id]).map((check) => `  ${check.id.padEnd(36)} ${check.name}`);
    return `${group.id}: ${group.title}\n${checks.join('\n')}\n`;
  }).join('\n');
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
}

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
};

/** Runs the CLI with these arguments; resolves to the exit code (0 all passed, 1 failures, 2 usage). */
export async function runCli(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        'base-url': { type: 'string' },
        'employee-token': { type: 'string' },
        'other-employee-token': { type: 'string' },
        'admin-token': { type: 'string' },
        'api-key': { type: 'string' },
        'erasable-employee-token': { type: 'string' },
        only: { type: 'string' },
        json: { type: 'boolean', default: false },
        list: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
        version: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (values.version) {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  if (values.list) {
    io.stdout(listChecks());
    return 0;
  }
  const settings = {
    baseUrl: values['base-url'] ?? io.env.ADVOCACY_BASE_URL,
    employeeToken: values['employee-token'] ?? io.env.ADVOCACY_EMPLOYEE_TOKEN,
    otherEmployeeToken: values['other-employee-token'] ?? io.env.ADVOCACY_OTHER_EMPLOYEE_TOKEN,
    adminToken: values['admin-token'] ?? io.env.ADVOCACY_ADMIN_TOKEN,
    apiKey: values['api-key'] ?? io.env.ADVOCACY_API_KEY,
    erasable: values['erasable-employee-token'] ?? io.env.ADVOCACY_ERASABLE_EMPLOYEE_TOKEN,
  };
  const missing = Object.entries({
    '--base-url': settings.baseUrl,
    '--employee-token': settings.employeeToken,
    '--other-employee-token': settings.otherEmployeeToken,
    '--admin-token': settings.adminToken,
  })
    .filter(([, value]) => !value)
    .map(([flag]) => flag);
  if (missing.length > 0) {
    io.stderr(`Missing ${missing.join(', ')}.\n\n${USAGE}`);
    return 2;
  }
  const only = (values.only ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  try {
    selectChecks(only);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return 2;
  }
  const target = httpTarget({
    baseUrl: settings.baseUrl!,
    employeeToken: settings.employeeToken!,
    otherEmployeeToken: settings.otherEmployeeToken!,
    adminToken: settings.adminToken!,
    ...(settings.apiKey ? { apiKey: settings.apiKey } : {}),
    ...(settings.erasable ? { erasableEmployeeToken: settings.erasable } : {}),
  });
  if (values.json) {
    const report = await runContractSuite(target, { only });
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    return report.failed === 0 ? 0 : 1;
  }
  io.stdout(`Advocacy Kit contract tests against ${settings.baseUrl}\n\n`);
  const report = await runContractSuite(target, { only, onResult: resultWriter(io.stdout) });
  io.stdout(`\n${formatSummary(report)}\n`);
  return report.failed === 0 ? 0 : 1;
}

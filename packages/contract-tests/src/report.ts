import { GROUPS, type GroupId } from './check.js';
import type { CheckResult, ContractReport } from './suite.js';

const MARKS = { passed: '✓', failed: '✗', skipped: '-' } as const;

function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The heading a group's lines go under. */
export function groupTitle(group: GroupId): string {
  return GROUPS.find((g) => g.id === group)?.title ?? group;
}

/** One check: `✓ name (duration)`, then for a failure its id, expectation, expected and got. */
export function formatResult(result: CheckResult): string {
  const lines = [`  ${MARKS[result.status]} ${result.name} (${formatDuration(result.durationMs)})`];
  if (result.status === 'skipped') lines[0] += ` skipped: ${result.message}`;
  if (result.status === 'failed') {
    lines.push(`      ${result.id}: ${result.message}`);
    if (result.expected !== undefined) lines.push(`      expected: ${result.expected}`);
    if (result.actual !== undefined) lines.push(`      got:      ${result.actual}`);
  }
  for (const error of result.cleanupErrors ?? []) lines.push(`      cleanup: ${error}`);
  return lines.join('\n');
}

/** The last line: `N passed, N failed` (and skipped, when any). */
export function formatSummary(report: ContractReport): string {
  const skipped = report.skipped > 0 ? `, ${report.skipped} skipped` : '';
  return `${report.passed} passed, ${report.failed} failed${skipped} (${formatDuration(report.durationMs)}, run tag ${report.runTag})`;
}

/**
 * Writes results as they arrive, each group under its heading (checks run group by group), so
 * a long run shows progress; the text matches `formatReport` once the summary follows.
 */
export function resultWriter(write: (text: string) => void): (result: CheckResult) => void {
  let group: GroupId | null = null;
  return (result) => {
    if (result.group !== group) {
      write(`${group === null ? '' : '\n'}${groupTitle(result.group)}\n`);
      group = result.group;
    }
    write(`${formatResult(result)}\n`);
  };
}

/** The report as text: one line per check grouped by capability, then `N passed, N failed`. */
export function formatReport(report: ContractReport): string {
  let text = '';
  const write = resultWriter((chunk) => (text += chunk));
  for (const result of report.results) write(result);
  return `${text}\n${formatSummary(report)}`;
}

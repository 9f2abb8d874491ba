import { GROUPS } from './check.js';
import type { CheckResult, ContractReport } from './suite.js';

const MARKS = { passed: '✓', failed: '✗', skipped: '-' } as const;

function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function formatResult(result: CheckResult): string[] {
  const lines = [`  ${MARKS[result.status]} ${result.name} (${formatDuration(result.durationMs)})`];
  if (result.status === 'skipped') lines[0] += ` skipped: ${result.message}`;
  if (result.status === 'failed') {
    lines.push(`      ${result.id}: ${result.message}`);
    if (result.expected !== undefined) lines.push(`      expected: ${result.expected}`);
    if (result.actual !== undefined) lines.push(`      got:      ${result.actual}`);
  }
  for (const error of result.cleanupErrors ?? []) lines.push(`      cleanup: ${error}`);
  return lines;
}

/** The report as text: one line per check grouped by capability, then `N passed, N failed`. */
export function formatReport(report: ContractReport): string {
  const lines: string[] = [];
  for (const group of GROUPS) {
    const results = report.results.filter((result) => result.group === group.id);
    if (results.length === 0) continue;
    lines.push(group.title);
    for (const result of results) lines.push(...formatResult(result));
    lines.push('');
  }
  const skipped = report.skipped > 0 ? `, ${report.skipped} skipped` : '';
  lines.push(`${report.passed} passed, ${report.failed} failed${skipped} (${formatDuration(report.durationMs)}, run tag ${report.runTag})`);
  return lines.join('\n');
}

import type { Employee } from '@advocacy-kit/core/backend';
import './styles.css';
import { API_BASE_URL } from './api.js';
import { isPortalLanguage, strings, type PortalLanguage } from './i18n.js';
import { readSession, writeSession } from './session.js';
import { forgetOfflineData } from './offline.js';
import { applyText } from './shell.js';

/**
 * Demo sign-in: stands in for the company's single sign-on. The reference server mints a token
 * for a seeded employee when it runs with ADVOCACY_DEMO_AUTH=1.
 */
const form = document.querySelector<HTMLFormElement>('#signin-form')!;
const languageSelect = document.querySelector<HTMLSelectElement>('#signin-language')!;
const employeeSelect = document.querySelector<HTMLSelectElement>('#signin-employee')!;
const status = document.querySelector<HTMLElement>('#signin-status')!;
let employees: Employee[] = [];

function initialLanguage(): PortalLanguage {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (isPortalLanguage(fromUrl)) return fromUrl;
  const previous = readSession()?.language;
  if (previous) return previous;
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'ja';
}

function language(): PortalLanguage {
  return isPortalLanguage(languageSelect.value) ? languageSelect.value : 'ja';
}

function render(): void {
  const t = strings(language());
  applyText(t, language());
  for (const option of employeeSelect.options) {
    const employee = employees.find((candidate) => candidate.id === option.value);
    if (employee) option.textContent = label(employee, t.roleAdmin);
  }
}

function label(employee: Employee, adminWord: string): string {
  const role = employee.role !== 'admin' ? '' : language() === 'ja' ? `（${adminWord}）` : ` (${adminWord})`;
  return `${employee.displayName}${role} — ${employee.teamName}`;
}

function showError(message: string): void {
  status.textContent = message;
  status.classList.add('error');
}

/** Reads a problem+json `detail` when the server sent one. */
async function failure(response: Response): Promise<string> {
  try {
    const problem = (await response.json()) as { detail?: string; title?: string };
    return problem.detail ?? problem.title ?? `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

async function loadEmployees(): Promise<void> {
  status.classList.remove('error');
  status.textContent = strings(language()).signInLoading;
  const response = await fetch(`${API_BASE_URL}/auth/demo-employees`);
  if (response.status === 404) {
    showError(strings(language()).signInNoDemo);
    return;
  }
  if (!response.ok) {
    showError(`${strings(language()).signInFailed} ${await failure(response)}`);
    return;
  }
  employees = ((await response.json()) as { items: Employee[] }).items;
  const adminWord = strings(language()).roleAdmin;
  employeeSelect.replaceChildren(...employees.map((employee) => new Option(label(employee, adminWord), employee.id)));
  const previous = readSession()?.employee.id;
  if (previous && employees.some((employee) => employee.id === previous)) employeeSelect.value = previous;
  employeeSelect.disabled = false;
  status.textContent = '';
}

function nextPage(): string {
  const next = new URLSearchParams(location.search).get('next');
  // Only paths on this site: the sign-in page must not become an open redirect.
  return next !== null && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  status.classList.remove('error');
  const response = await fetch(`${API_BASE_URL}/auth/demo-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ employeeId: employeeSelect.value }),
  }).catch(() => null);
  if (response === null || !response.ok) {
    showError(`${strings(language()).signInFailed} ${response ? await failure(response) : ''}`.trim());
    return;
  }
  const { token, employee } = (await response.json()) as { token: string; employee: Employee };
  // Whatever a previous person left for offline reading goes before this one's session starts.
  await forgetOfflineData();
  writeSession({ token, employee, language: language() });
  location.assign(nextPage());
});

languageSelect.addEventListener('change', render);
languageSelect.value = initialLanguage();
render();
loadEmployees().catch((error: unknown) => {
  showError(`${strings(language()).signInFailed} ${error instanceof Error ? error.message : String(error)}`);
});

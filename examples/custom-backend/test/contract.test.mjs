// The contract suite against the adapter: the Advocacy Kit SDK over the company's own API.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { formatReport, runContractSuite, visitOverHttp } from '@advocacy-kit/contract-tests';
import { companyBackend } from '../dist/adapter/company-backend.js';
import { CRM_SYSTEM_KEY, startCompanyApi } from '../dist/company-api/server.js';

let api;
before(async () => {
  api = await startCompanyApi();
});
after(async () => {
  await api?.close();
});

/** The adapter signed in as `person` through the company's session endpoint. */
async function signedIn(person) {
  const response = await fetch(`${api.url}/v2/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: person }),
  });
  const { session_id: session } = await response.json();
  return companyBackend({ baseUrl: `${api.url}/v2`, session: () => session });
}

test('the adapter over the company API passes the Advocacy Kit contract suite', async () => {
  const report = await runContractSuite({
    employee: () => signedIn('emp-kenji'),
    otherEmployee: () => signedIn('emp-yui'),
    admin: () => signedIn('emp-haruka'),
    conversions: () => companyBackend({ baseUrl: `${api.url}/v2`, session: () => '', systemKey: CRM_SYSTEM_KEY }),
    unauthenticated: () => companyBackend({ baseUrl: `${api.url}/v2`, session: () => 'not-a-session' }),
    visitTrackingUrl: visitOverHttp,
  });
  console.log(formatReport(report));
  assert.equal(report.failed, 0, `${report.failed} contract check(s) failed`);
  assert.ok(report.passed > 0);
});

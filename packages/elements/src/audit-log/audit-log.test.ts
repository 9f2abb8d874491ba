import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AdvocacyClient } from '@advocacy-kit/core';
import type { AdvocacyAuditLogElement } from './audit-log.component.js';
import {
  adminClient,
  captureAsyncDownload,
  find,
  findAll,
  mountFailing,
  retryRecovers,
  shadow,
  testClient,
  textOf,
  untilText,
} from '../../test/helpers.js';
import '../admin.js';

async function logWith(client: AdvocacyClient, lang = 'en'): Promise<AdvocacyAuditLogElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-audit-log></advocacy-audit-log></advocacy-provider></div>`,
  );
  return wrapper.querySelector('advocacy-audit-log')!;
}

/** The demo admin with a few audited changes: a post created and renamed, the retention set. */
async function auditedClient() {
  const { client, backend } = adminClient();
  const post = await backend.admin.createPost({
    kind: 'curated',
    title: '<img src=x onerror=alert(1)>',
    summary: '',
    url: 'https://example.com/a',
    locale: 'en',
  });
  await backend.admin.updatePost(post.id, { title: 'Renamed' });
  await backend.admin.updatePrivacySettings!({ clickRetentionDays: 90 });
  return { client, backend, post };
}

describe('<advocacy-audit-log>', () => {
  it('lists changes newest first with who, what and the change, as text', async () => {
    const { client } = await auditedClient();
    const element = await logWith(client);
    await find(element, '[part="entry"]');
    const rows = findAll(element, '[part="entry"]');
    expect(rows).to.have.length(3);
    expect(rows[0]!.textContent).to.contain('settings.update').and.contain('Admin').and.contain('emp-haruka');
    expect(rows[2]!.textContent).to.contain('post.create');
    // The title is shown as text inside the JSON, never parsed as markup.
    expect(shadow(element).querySelector('img')).to.equal(null);
    expect(textOf(element)).to.contain('<img src=x onerror=alert(1)>');
    await expect(element).to.be.accessible();
  });

  it('filters by action prefix from the keyboard and exports the filtered log as CSV', async () => {
    const { client } = await auditedClient();
    const element = await logWith(client);
    await find(element, '[part="entry"]');
    const action = shadow(element).querySelector<HTMLInputElement>('input[name="action"]')!;
    action.focus();
    await sendKeys({ type: 'post.' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => findAll(element, '[part="entry"]').length === 2, 'the filter did not apply');
    expect(findAll(element, '[part="entry"]').every((row) => row.textContent!.includes('post.'))).to.equal(true);
    const button = shadow(element).querySelector<HTMLButtonElement>('[part="export-button"]')!;
    const { name, text } = await captureAsyncDownload(async () => {
      button.click();
      await untilText(element, 'Exported 2 entries.');
    });
    expect(name).to.match(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = text.replace('\ufeff', '').trim().split('\r\n');
    expect(lines[0]).to.equal('at,actorKind,actorId,action,targetKind,targetId,before,after');
    expect(lines).to.have.length(3);
    await expect(element).to.be.accessible();
  });

  it('speaks Japanese', async () => {
    const { client } = await auditedClient();
    const element = await logWith(client, 'ja');
    await find(element, '[part="entry"]');
    expect(textOf(element)).to.contain('監査ログ').and.contain('管理者').and.contain('変更内容を表示');
    await expect(element).to.be.accessible();
  });

  it('shows the empty state, and an error with a Retry that recovers', async () => {
    const empty = await logWith(adminClient().client);
    await untilText(empty, 'No changes match these filters.');
    await expect(empty).to.be.accessible();

    const { client, backend } = adminClient();
    backend.fail('network');
    const { element, detail, alert } = await mountFailing<AdvocacyAuditLogElement>('advocacy-audit-log', client);
    expect(detail.source).to.equal('audit-log');
    await expect(element).to.be.accessible();
    backend.fail(null);
    await backend.admin.updatePrivacySettings!({ clickRetentionDays: 30 });
    await retryRecovers(element, alert, '[part="entry"]');
  });

  it('tells an employee they may not read it', async () => {
    const { client } = testClient({ employeeId: 'emp-kenji' });
    const failed = oneEvent(document, 'advocacy-error');
    const element = await logWith(client);
    expect((await failed).detail.error.code).to.equal('forbidden');
    await find(element, '[role="alert"]');
  });
});

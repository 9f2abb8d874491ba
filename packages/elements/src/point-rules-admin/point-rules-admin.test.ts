import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AdvocacyClient } from '@advocacy-kit/core';
import type { AdvocacyPointRulesAdminElement } from './point-rules-admin.component.js';
import { adminClient, find, findAll, mountFailing, shadow, textOf, untilText } from '../../test/helpers.js';
import '../admin.js';

async function rulesWith(client: AdvocacyClient, lang = 'en'): Promise<AdvocacyPointRulesAdminElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-point-rules-admin></advocacy-point-rules-admin></advocacy-provider></div>`,
  );
  return wrapper.querySelector('advocacy-point-rules-admin')!;
}

/** Replaces an input's value from the keyboard. */
async function typeInto(element: Element, selector: string, text: string): Promise<void> {
  const input = shadow(element).querySelector<HTMLInputElement>(selector)!;
  input.focus();
  input.select?.();
  input.value = '';
  await sendKeys({ type: text });
}

/** A `datetime-local` value about `days` from now (in the browser's zone; the form reads it in the admin's). */
const local = (days: number) => {
  const at = new Date(Date.now() + days * 86_400_000);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

describe('<advocacy-point-rules-admin>', () => {
  it('shows the values in effect and saves a version from the keyboard that changes the next share, audited', async () => {
    const { client, backend } = adminClient();
    const element = await rulesWith(client);
    const summary = await find(element, '[part="summary"]');
    expect(summary.textContent).to.contain('LinkedIn +10, copied link +2, each unique click +5');
    expect(textOf(element)).to.contain('No versions yet');
    // The admin's profile zone (emp-haruka: Asia/Tokyo), whatever the browser's, as on every admin screen.
    expect(textOf(element)).to.contain('Effective from (Asia/Tokyo)');
    await expect(element).to.be.accessible();

    await typeInto(element, '#points-share', '20');
    await untilText(element, '= 20 pts');
    await typeInto(element, '#weight-copy', '0.5');
    await typeInto(element, '#note', 'Spring push');
    await sendKeys({ press: 'Enter' });
    await untilText(element, 'Version saved.');
    await untilText(element, 'LinkedIn +20, copied link +10');
    const rows = findAll(element, '[part="history"] tbody tr');
    expect(rows).to.have.length(1);
    expect(rows[0]!.textContent).to.contain('Current');
    expect(rows[0]!.textContent).to.contain('Spring push');
    const [post] = (await backend.listFeed()).items;
    const share = await backend.createShare({ postId: post!.id, network: 'linkedin', commentary: '', idempotencyKey: 'rules-test' });
    expect(share.pointsAwarded).to.equal(20);
    const log = await backend.admin.listAudit!({ action: 'points_rules.' });
    expect(log.items.map((entry) => entry.action)).to.deep.equal(['points_rules.create']);
    await expect(element).to.be.accessible();
  });

  it('schedules a version, edits it and deletes it with the keyboard; the current one has no actions', async () => {
    const { client, backend } = adminClient();
    const element = await rulesWith(client);
    await find(element, '[part="summary"]');
    shadow(element).querySelector<HTMLInputElement>('#effective')!.value = local(7);
    await typeInto(element, '#points-click', '8');
    await sendKeys({ press: 'Enter' });
    await untilText(element, 'Version saved.');
    await untilText(element, 'Scheduled');
    expect(shadow(element).querySelector('[part="summary"]')!.textContent).to.contain('each unique click +5');

    const edit = await find<HTMLButtonElement>(element, '[part="history"] button[aria-label^="Edit the version"]');
    edit.focus();
    await sendKeys({ press: 'Enter' });
    await untilText(element, 'Edit the scheduled version');
    expect(shadow(element).querySelector<HTMLInputElement>('#points-click')!.value).to.equal('8');
    await typeInto(element, '#note', 'Next week');
    await sendKeys({ press: 'Enter' });
    await untilText(element, 'Next week');
    expect((await backend.admin.listPointRules!()).items[0]!.note).to.equal('Next week');

    const remove = await find<HTMLButtonElement>(element, '[part="history"] button[aria-label^="Delete the version"]');
    remove.focus();
    await sendKeys({ press: 'Enter' });
    await untilText(element, 'Scheduled version deleted.');
    await untilText(element, 'No versions yet');
    const log = await backend.admin.listAudit!({ action: 'points_rules.' });
    expect(log.items.map((entry) => entry.action)).to.deep.equal(['points_rules.delete', 'points_rules.update', 'points_rules.create']);
    await expect(element).to.be.accessible();
  });

  it('names the field of a value the backend refuses', async () => {
    const element = await rulesWith(adminClient().client);
    await find(element, '[part="summary"]');
    const email = shadow(element).querySelector<HTMLInputElement>('#weight-email')!;
    email.value = '-1';
    email.dispatchEvent(new Event('input', { bubbles: true }));
    shadow(element).querySelector<HTMLButtonElement>('form button.primary')!.click();
    await untilText(element, 'Email: must be >= 0');
    await expect(element).to.be.accessible();
  });

  it('shows an error with a Retry', async () => {
    const { client, backend } = adminClient();
    backend.fail('server');
    const { element, alert } = await mountFailing('advocacy-point-rules-admin', client);
    expect(alert.textContent).to.contain('We couldn’t load the point rules');
    await expect(element).to.be.accessible();
  });

  it('speaks Japanese', async () => {
    const element = await rulesWith(adminClient().client, 'ja');
    await find(element, '[part="summary"]');
    expect(textOf(element)).to.contain('ポイントルール');
    expect(textOf(element)).to.contain('リンクのコピー');
    await expect(element).to.be.accessible();
  });
});

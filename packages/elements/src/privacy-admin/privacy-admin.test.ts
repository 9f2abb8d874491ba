import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AdvocacyClient } from '@advocacy-kit/core';
import type { AdvocacyPrivacyAdminElement } from './privacy-admin.component.js';
import { adminClient, captureAsyncDownload, find, shadow, textOf, untilText } from '../../test/helpers.js';
import '../admin.js';

async function privacyWith(client: AdvocacyClient, lang = 'en'): Promise<AdvocacyPrivacyAdminElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-privacy-admin></advocacy-privacy-admin></advocacy-provider></div>`,
  );
  return wrapper.querySelector('advocacy-privacy-admin')!;
}

describe('<advocacy-privacy-admin>', () => {
  it('saves the click retention from the keyboard, audited, and refuses a bad number', async () => {
    const { client, backend } = adminClient();
    const element = await privacyWith(client);
    await untilText(element, 'Raw clicks are kept.');
    await expect(element).to.be.accessible();
    const days = shadow(element).querySelector<HTMLInputElement>('#days')!;
    days.focus();
    await sendKeys({ type: '0' });
    await sendKeys({ press: 'Enter' });
    await untilText(element, 'Enter a whole number of days');
    expect(days.getAttribute('aria-invalid')).to.equal('true');
    await expect(element).to.be.accessible();
    days.value = '';
    days.focus();
    await sendKeys({ type: '90' });
    await sendKeys({ press: 'Enter' });
    await untilText(element, 'Raw clicks older than 90 days are deleted.');
    expect(textOf(element)).to.contain('Saved.');
    const log = await backend.admin.listAudit!({ action: 'settings.' });
    expect(log.items[0]!.after).to.deep.equal({ clickRetentionDays: 90 });
  });

  it('exports one person’s data and erases them after a confirmation', async () => {
    const { client, backend } = adminClient();
    const element = await privacyWith(client);
    const person = await find<HTMLInputElement>(element, '#person');
    person.value = 'emp-kenji';
    const exportButton = shadow(element).querySelector<HTMLButtonElement>('[part="export-button"]')!;
    const { name, text } = await captureAsyncDownload(async () => {
      exportButton.click();
      await untilText(element, 'Exported the data of emp-kenji.');
    });
    expect(name).to.match(/^advocacy-data-emp-kenji-/);
    expect(JSON.parse(text).employee.id).to.equal('emp-kenji');

    shadow(element).querySelector<HTMLButtonElement>('[part="erase-button"]')!.click();
    const dialog = await find<HTMLDialogElement>(element, 'dialog[open]');
    expect(dialog.textContent).to.contain('emp-kenji becomes “Former employee”');
    await expect(element).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'Escape did not close the confirmation');
    expect((await backend.as('emp-kenji').getMe()).displayName).not.to.equal('Former employee');

    shadow(element).querySelector<HTMLButtonElement>('[part="erase-button"]')!.click();
    await find(element, 'dialog[open]');
    dialog.querySelector<HTMLButtonElement>('button.primary')!.click();
    await untilText(element, 'Erased. They are now');
    const [entry] = (await backend.admin.listAudit!({ action: 'employee.erase' })).items;
    expect(textOf(element)).to.contain(entry!.target.id);
  });

  it('speaks Japanese and asks for an id first', async () => {
    const element = await privacyWith(adminClient().client, 'ja');
    await untilText(element, 'クリックの生データを保存しています。');
    shadow(element).querySelector<HTMLButtonElement>('[part="erase-button"]')!.click();
    await untilText(element, '従業員 ID を入力してください。');
    expect(shadow(element).querySelector('dialog[open]')).to.equal(null);
    await expect(element).to.be.accessible();
  });
});

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AdvocacyClient } from '@advocacy-kit/core';
import type { AdvocacyPolicyAdminElement } from './policy-admin.component.js';
import { adminClient, find, findAll, shadow, testClient, textOf, untilText } from '../../test/helpers.js';
import '../admin.js';

async function policyAdmin(client: AdvocacyClient, lang = 'en'): Promise<AdvocacyPolicyAdminElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-policy-admin></advocacy-policy-admin></advocacy-provider></div>`,
  );
  return wrapper.querySelector('advocacy-policy-admin')!;
}

async function type(element: AdvocacyPolicyAdminElement, id: string, text: string): Promise<void> {
  const field = await find<HTMLTextAreaElement>(element, `#${id}`);
  field.value = text;
  field.dispatchEvent(new Event('input'));
  await element.updateComplete;
}

describe('<advocacy-policy-admin>', () => {
  for (const lang of ['en', 'ja']) {
    it(`shows the version in force, drafts the next one and publishes it by keyboard (${lang})`, async () => {
      const { client, backend } = adminClient();
      const element = await policyAdmin(client, lang);
      await untilText(element, lang === 'ja' ? '第1版が' : 'Version 1 is in force');
      expect((await find<HTMLTextAreaElement>(element, '#text-ja')).value).to.contain('クモシステムズ');
      await expect(element).to.be.accessible();
      const publish = shadow(element).querySelector<HTMLButtonElement>('[part="publish-button"]')!;
      expect(publish.disabled, 'nothing to publish before a draft').to.equal(true);

      await type(element, 'text-en', 'Version two.\n\nBe kind.');
      (await find<HTMLTextAreaElement>(element, '#text-en')).focus();
      // Enter in a text area is a new line: the draft is saved with its button.
      shadow(element).querySelector<HTMLButtonElement>('[part="save-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await untilText(element, lang === 'ja' ? '下書きを保存しました。' : 'Draft saved.');
      expect((await backend.admin.listPolicyVersions!())[0]!.texts.en).to.equal('Version two.\n\nBe kind.');

      await waitUntil(() => !publish.disabled, 'publish stays disabled with a draft');
      publish.focus();
      await sendKeys({ press: 'Enter' });
      await untilText(element, lang === 'ja' ? '第2版を公開しました。' : 'Version 2 is published.');
      expect((await backend.getCompliance!()).policy!.version).to.equal(2);
      expect(findAll(element, '[part="versions"] li')).to.have.length(2);
      await expect(element).to.be.accessible();
    });
  }

  it('shows the backend’s refusal of an empty draft beside the form', async () => {
    const { client } = adminClient();
    const element = await policyAdmin(client);
    await untilText(element, 'Version 1 is in force');
    await type(element, 'text-en', ' ');
    await type(element, 'text-ja', '');
    shadow(element).querySelector<HTMLButtonElement>('[part="save-button"]')!.click();
    await waitUntil(() => shadow(element).querySelector('[aria-invalid="true"]'), 'no field error');
    await expect(element).to.be.accessible();
  });

  it('says why an employee cannot see it', async () => {
    const { client } = testClient();
    const element = await policyAdmin(client);
    await find(element, '[part="state"][role="alert"]');
    expect(textOf(element)).to.contain('The policy could not be loaded');
  });
});

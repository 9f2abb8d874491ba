import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AdvocacyClient } from '@advocacy-kit/core';
import type { AdvocacyComplianceAdminElement } from './compliance-admin.component.js';
import { adminClient, find, findAll, shadow, textOf, untilText } from '../../test/helpers.js';
import '../admin.js';

async function complianceAdmin(client: AdvocacyClient, lang = 'en'): Promise<AdvocacyComplianceAdminElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-compliance-admin></advocacy-compliance-admin></advocacy-provider></div>`,
  );
  return wrapper.querySelector('advocacy-compliance-admin')!;
}

describe('<advocacy-compliance-admin>', () => {
  for (const lang of ['en', 'ja']) {
    it(`lists the blocked terms with their reasons, blocks one by keyboard and unblocks it (${lang})`, async () => {
      const { client, backend } = adminClient();
      const element = await complianceAdmin(client, lang);
      await untilText(element, '絶対儲かる');
      expect(textOf(element)).to.contain('Financial promises need legal review.');
      await expect(element).to.be.accessible();

      (await find<HTMLInputElement>(element, '#term')).value = 'moonshot';
      const reason = shadow(element).querySelector<HTMLInputElement>('#reason')!;
      reason.value = 'Hype.';
      reason.focus();
      await sendKeys({ press: 'Enter' });
      await untilText(element, lang === 'ja' ? '「moonshot」を禁止しました。' : '“moonshot” is blocked.');
      const terms = (await backend.getCompliance!()).blockedTerms;
      expect(terms.find((term) => term.term === 'moonshot')?.locale).to.equal(lang);

      const unblock = findAll<HTMLButtonElement>(element, '[part="terms"] button').find((button) =>
        button.getAttribute('aria-label')!.includes('moonshot'),
      )!;
      unblock.click();
      await waitUntil(async () => !(await backend.getCompliance!()).blockedTerms.some((term) => term.term === 'moonshot'), 'still blocked');
      await expect(element).to.be.accessible();
    });
  }

  it('refuses an empty term with a field error, and saves the disclosures', async () => {
    const { client, backend } = adminClient();
    const element = await complianceAdmin(client);
    await find(element, '[part="term-form"]');
    shadow(element).querySelector<HTMLButtonElement>('[part="term-form"] button[type="submit"]')!.click();
    await waitUntil(() => shadow(element).querySelector('#term[aria-invalid="true"]'), 'no field error on the term');
    await expect(element).to.be.accessible();

    const en = await find<HTMLInputElement>(element, '#disclosure-en');
    expect(en.value).to.equal('#employee');
    en.value = '#staff';
    shadow(element).querySelector<HTMLButtonElement>('[part="disclosure-form"] button[type="submit"]')!.click();
    await untilText(element, 'Disclosures saved.');
    expect((await backend.getCompliance!()).disclosures).to.deep.equal({ en: '#staff', ja: '#社員' });
  });
});

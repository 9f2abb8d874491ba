import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { AdvocacyClient } from '@advocacy-kit/core';
import type { AdvocacyScimSettingsElement } from './scim-settings.component.js';
import { adminClient, deepActiveElement, find, findAll, testClient, textOf, untilText } from '../../test/helpers.js';
import '../admin.js';

async function settingsWith(client: AdvocacyClient, lang = 'en'): Promise<AdvocacyScimSettingsElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-scim-settings></advocacy-scim-settings></advocacy-provider></div>`,
  );
  return wrapper.querySelector('advocacy-scim-settings')!;
}

describe('<advocacy-scim-settings>', () => {
  it('shows the SCIM base URL and says no token exists yet', async () => {
    const { client } = adminClient();
    const element = await settingsWith(client);
    await untilText(element, 'No token yet');
    const baseUrl = await find<HTMLInputElement>(element, '[part="base-url"]');
    expect(baseUrl.value).to.match(/\/scim\/v2$/);
    expect(baseUrl.readOnly).to.equal(true);
    expect(textOf(element)).to.contain('externalId');
    await expect(element).to.be.accessible();
  });

  it('creates a token, shows it once with focus on it, and lists it without the secret', async () => {
    const { client } = adminClient();
    const element = await settingsWith(client);
    const create = await find<HTMLButtonElement>(element, '[part="create-button"]');
    const created = oneEvent(element, 'advocacy-scim-token-create');
    create.click();
    const { detail } = await created;
    expect(detail.token).not.to.have.property('token');
    const input = await find<HTMLInputElement>(element, '#new-token');
    expect(input.value).to.match(/^scim_/);
    const secret = input.value;
    await waitUntil(() => deepActiveElement()?.id === 'new-token-title', 'focus did not move to the new token');
    expect(findAll(element, '[part="tokens"] tbody tr')).to.have.length(1);
    await expect(element).to.be.accessible();
    const done = findAll<HTMLButtonElement>(element, '[part="new-token"] button').at(-1)!;
    done.click();
    await waitUntil(() => !textOf(element).includes(secret), 'the secret is still shown');
    await waitUntil(() => deepActiveElement()?.getAttribute('part') === 'create-button', 'focus did not return to Create');
    expect(textOf(element)).to.contain('Never');
  });

  it('asks before revoking, with focus on the confirmation; Cancel returns focus, Revoke now removes the token', async () => {
    const { client, backend } = adminClient();
    await backend.admin.createScimToken!();
    const element = await settingsWith(client);
    const revoke = await find<HTMLButtonElement>(element, '[part="revoke-button"]');
    revoke.click();
    await waitUntil(() => deepActiveElement()?.id.startsWith('confirm-'), 'focus did not move to the confirmation');
    expect(textOf(element)).to.contain('Provisioning with it stops at once.');
    await expect(element).to.be.accessible();
    const cancel = findAll<HTMLButtonElement>(element, '.confirm button').at(-1)!;
    cancel.click();
    await waitUntil(() => deepActiveElement()?.getAttribute('part') === 'revoke-button', 'focus did not return to Revoke');
    (await find<HTMLButtonElement>(element, '[part="revoke-button"]')).click();
    const confirm = await find<HTMLButtonElement>(element, '.confirm button');
    const revoked = oneEvent(element, 'advocacy-scim-token-revoke');
    confirm.click();
    await revoked;
    await untilText(element, 'The token was revoked.');
    await untilText(element, 'No token yet');
    expect((await backend.admin.getScimSettings!()).tokens).to.deep.equal([]);
  });

  it('tells the admin to copy by hand when the clipboard is refused', async () => {
    const { client } = adminClient();
    const element = await settingsWith(client);
    await find<HTMLInputElement>(element, '[part="base-url"]');
    const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) },
    });
    try {
      findAll<HTMLButtonElement>(element, '.copy-row button')[0]!.click();
      await untilText(element, 'copy it by hand');
      expect(deepActiveElement()?.id).to.equal('base-url');
    } finally {
      if (original) Object.defineProperty(navigator, 'clipboard', original);
      else delete (navigator as { clipboard?: unknown }).clipboard;
    }
  });

  it('shows an employee the refusal as an error, in Japanese', async () => {
    const { client } = testClient();
    const element = await settingsWith(client, 'ja');
    await untilText(element, 'SCIM の設定を読み込めませんでした');
    expect(findAll(element, '[role="alert"]')).to.have.length(1);
    await expect(element).to.be.accessible();
  });
});

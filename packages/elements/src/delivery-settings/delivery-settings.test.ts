import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { AdvocacyClient } from '@advocacy-kit/core';
import type { AdvocacyDeliverySettingsElement } from './delivery-settings.component.js';
import { adminClient, deepActiveElement, find, findAll, testClient, textOf, untilText } from '../../test/helpers.js';
import '../admin.js';

async function settingsWith(client: AdvocacyClient, lang = 'en'): Promise<AdvocacyDeliverySettingsElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-delivery-settings></advocacy-delivery-settings></advocacy-provider></div>`,
  );
  return wrapper.querySelector('advocacy-delivery-settings')!;
}

const field = (element: HTMLElement, id: string) => find<HTMLInputElement>(element, `#${id}`);

describe('<advocacy-delivery-settings>', () => {
  it('saves SMTP settings; the password is never shown and is kept when left empty', async () => {
    const { client, backend } = adminClient();
    const element = await settingsWith(client);
    await untilText(element, 'Nothing was sent yet.');
    await expect(element).to.be.accessible();
    (await field(element, 'smtpHost')).value = 'smtp.example.com';
    (await field(element, 'fromAddress')).value = 'advocacy@example.com';
    (await field(element, 'smtpPassword')).value = 'top-secret-pw';
    const saved = oneEvent(element, 'advocacy-delivery-save');
    (await find<HTMLButtonElement>(element, '[part="save-button"]')).click();
    const { detail } = await saved;
    expect(detail.settings.smtpPasswordSet).to.equal(true);
    expect(JSON.stringify(detail)).not.to.contain('top-secret-pw');
    await untilText(element, 'A password is stored.');
    expect((await field(element, 'smtpPassword')).value).to.equal('');
    expect(textOf(element)).not.to.contain('top-secret-pw');
    // Saving again without typing the password keeps it.
    (await field(element, 'smtpPort')).value = '2525';
    const again = oneEvent(element, 'advocacy-delivery-save');
    (await find<HTMLButtonElement>(element, '[part="save-button"]')).click();
    expect((await again).detail.settings.smtpPasswordSet).to.equal(true);
    expect((await backend.admin.getDeliverySettings!()).smtpPort).to.equal(2525);
  });

  it('routes a kind to a channel with the keyboard-reachable checkboxes', async () => {
    const { client, backend } = adminClient();
    const element = await settingsWith(client);
    const slackDigest = await find<HTMLInputElement>(element, 'input[name="route-digest-slack"]');
    expect(slackDigest.getAttribute('aria-label')).to.equal('Weekly digest: Slack');
    slackDigest.focus();
    expect(deepActiveElement()).to.equal(slackDigest);
    slackDigest.click();
    (await field(element, 'slackUrl')).value = 'https://hooks.slack.com/services/T/B/X';
    const saved = oneEvent(element, 'advocacy-delivery-save');
    (await find<HTMLButtonElement>(element, '[part="save-button"]')).click();
    await saved;
    expect((await backend.admin.getDeliverySettings!()).routes.digest).to.deep.equal(['email', 'slack']);
  });

  it('shows a refused Teams URL at its field and moves focus there', async () => {
    const { client } = adminClient();
    const element = await settingsWith(client);
    (await field(element, 'teamsUrl')).value = 'https://192.168.0.10/hook';
    (await find<HTMLButtonElement>(element, '[part="save-button"]')).click();
    await untilText(element, 'must not point at a loopback or private address');
    const teams = await field(element, 'teamsUrl');
    expect(teams.getAttribute('aria-invalid')).to.equal('true');
    await waitUntil(() => deepActiveElement() === teams, 'focus did not move to the Teams URL');
    await expect(element).to.be.accessible();
  });

  it('sends a test message and lists it in the delivery log', async () => {
    const { client, backend } = adminClient();
    await backend.admin.updateDeliverySettings!({ slackUrl: 'https://hooks.slack.com/services/T/B/X' });
    const element = await settingsWith(client);
    const channel = await find<HTMLSelectElement>(element, '#testChannel');
    channel.value = 'slack';
    const tested = oneEvent(element, 'advocacy-delivery-test');
    (await find<HTMLButtonElement>(element, '[part="test-button"]')).click();
    expect((await tested).detail.message.status).to.equal('delivered');
    await untilText(element, 'The test message was delivered.');
    expect(findAll(element, '[part="log"] tbody tr')).to.have.length(1);
    await expect(element).to.be.accessible();
  });

  it('says when a channel is not set up, in Japanese too', async () => {
    const { client } = adminClient();
    const element = await settingsWith(client, 'ja');
    await untilText(element, 'メール・Teams・Slack 配信');
    (await find<HTMLSelectElement>(element, '#testChannel')).value = 'teams';
    (await find<HTMLButtonElement>(element, '[part="test-button"]')).click();
    await untilText(element, '先にこのチャネルを設定して保存してください。');
  });

  it('refuses an employee with an error state', async () => {
    const { client } = testClient();
    const element = await settingsWith(client);
    await untilText(element, 'We couldn’t load the delivery settings');
    await expect(element).to.be.accessible();
  });
});

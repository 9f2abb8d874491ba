import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createAdvocacyClient, type AdvocacyClient } from '@advocacy-kit/core';
import { memoryBackend } from '@advocacy-kit/core/memory';
import type { AdvocacyMyDataElement } from './my-data.component.js';
import { captureAsyncDownload, find, shadow, testClient, textOf, untilText } from '../../test/helpers.js';
import '../all.js';

async function myDataWith(client: AdvocacyClient, lang = 'en'): Promise<AdvocacyMyDataElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-my-data></advocacy-my-data></advocacy-provider></div>`,
  );
  return wrapper.querySelector('advocacy-my-data')!;
}

describe('<advocacy-my-data>', () => {
  it('downloads the signed-in employee’s data from the keyboard', async () => {
    const { client } = testClient({ employeeId: 'emp-kenji' });
    const element = await myDataWith(client);
    const button = await find<HTMLButtonElement>(element, '[part="download-button"]');
    await expect(element).to.be.accessible();
    const { name, text } = await captureAsyncDownload(async () => {
      button.focus();
      await sendKeys({ press: 'Enter' });
      await untilText(element, 'Your data was downloaded.');
    });
    expect(name).to.match(/^my-advocacy-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(text);
    expect(data.employee.id).to.equal('emp-kenji');
    expect(text).not.to.contain('emp-yui');
  });

  it('speaks Japanese, and says so when the backend has no export', async () => {
    const element = await myDataWith(testClient().client, 'ja');
    await untilText(element, '自分のデータをダウンロード');
    await expect(element).to.be.accessible();
    const { getMyExport: _none, ...backend } = memoryBackend();
    const without = await myDataWith(createAdvocacyClient({ backend, storage: null }));
    await untilText(without, 'does not offer a data download');
    expect(shadow(without).querySelector('[part="download-button"]')).to.equal(null);
    expect(textOf(without)).to.contain('Your data');
  });

  it('reports a failure in the status line', async () => {
    const { client, backend } = testClient();
    const element = await myDataWith(client);
    const button = await find<HTMLButtonElement>(element, '[part="download-button"]');
    backend.fail('server');
    button.click();
    await untilText(element, 'We couldn’t prepare your data.');
    await expect(element).to.be.accessible();
  });
});

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AdvocacyClient } from '@advocacy-kit/core';
import type { AdvocacyMembersElement } from './members.component.js';
import { adminClient, deepActiveElement, find, findAll, shadow, textOf, untilText } from '../../test/helpers.js';
import '../admin.js';

async function membersWith(client: AdvocacyClient, lang = 'en'): Promise<AdvocacyMembersElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-members></advocacy-members></advocacy-provider></div>`,
  );
  return wrapper.querySelector('advocacy-members')!;
}

const rows = (element: Element) =>
  findAll<HTMLTableRowElement>(element, 'tbody tr').map((row) => row.textContent!.replace(/\s+/g, ' ').trim());

describe('<advocacy-members>', () => {
  it('lists everyone with their state, and "Not joined" answers who has not joined', async () => {
    const { client } = adminClient();
    const element = await membersWith(client);
    await find(element, 'tbody tr');
    expect(rows(element)).to.have.length(12);
    await expect(element).to.be.accessible();
    const notJoined = findAll<HTMLInputElement>(element, '[part="filter"] input')[5]!;
    notJoined.click();
    await waitUntil(() => rows(element).length === 1, 'the filter did not narrow the list');
    expect(rows(element)[0]).to.contain('Tom Hayes').and.to.contain('Invited');
  });

  it('invites a person who declined with the keyboard, and announces it', async () => {
    const { client, backend } = adminClient();
    await backend.as('emp-yui').respondToInvitation!('decline');
    const element = await membersWith(client);
    const invite = await find<HTMLButtonElement>(element, 'button[aria-label="Invite 中村 結衣"]');
    invite.focus();
    await sendKeys({ press: 'Enter' });
    await untilText(element, '1 person invited.');
    expect((await backend.as('emp-yui').getMyMembership!()).state).to.equal('invited');
    await expect(element).to.be.accessible();
  });

  it('invites a team and switches the enrollment to by invitation', async () => {
    const { client, backend } = adminClient();
    await backend.as('emp-ren').respondToInvitation!('decline');
    const element = await membersWith(client);
    await find(element, 'tbody tr');
    const select = await find<HTMLSelectElement>(element, '#team');
    await waitUntil(() => select.options.length === 3, 'teams did not load');
    select.value = 'team-sales';
    (await find<HTMLButtonElement>(element, '[part="invite-team"] button')).click();
    await untilText(element, '1 person invited, 3 already invited or members.');
    const byInvitation = findAll<HTMLInputElement>(element, '[part="enrollment"] input')[1]!;
    byInvitation.focus();
    byInvitation.click();
    await untilText(element, 'Enrollment changed: By invitation.');
    expect((await backend.as('emp-haruka').admin.getEnrollment!()).enrollment).to.equal('invitation');
    expect(textOf(element)).to.contain('Only employees who accepted an invitation count and may share.');
    expect(deepActiveElement()).to.equal(byInvitation);
  });

  it('speaks Japanese', async () => {
    const { client } = adminClient();
    const element = await membersWith(client, 'ja');
    await untilText(element, 'プログラムのメンバー');
    await find(element, 'tbody tr');
    expect(textOf(element)).to.contain('参加済み').and.to.contain('招待中').and.to.contain('未参加');
    await expect(element).to.be.accessible();
  });

  it('shows a load failure with a retry', async () => {
    const { client, backend } = adminClient();
    backend.fail('server');
    const element = await membersWith(client);
    await untilText(element, 'We couldn’t load the members');
    backend.fail(null);
    (await find<HTMLButtonElement>(element, '[part="state"] button')).click();
    await find(element, 'tbody tr');
    expect(shadow(element).querySelector('[role="alert"]')).to.equal(null);
  });
});

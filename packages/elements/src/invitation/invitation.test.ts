import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AdvocacyClient } from '@advocacy-kit/core';
import { demoSeed } from '@advocacy-kit/core/memory';
import type { AdvocacyInvitationElement } from './invitation.component.js';
import { deepActiveElement, find, shadow, testClient, textOf, untilText } from '../../test/helpers.js';

async function invitationWith(client: AdvocacyClient, lang = 'en'): Promise<AdvocacyInvitationElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-invitation></advocacy-invitation></advocacy-provider></div>`,
  );
  return wrapper.querySelector('advocacy-invitation')!;
}

describe('<advocacy-invitation>', () => {
  it('shows an invited employee the invitation, and joining with the keyboard welcomes them', async () => {
    const { client, backend } = testClient({ employeeId: 'emp-tom' });
    const element = await invitationWith(client);
    await untilText(element, 'You’re invited to the advocacy program');
    await expect(element).to.be.accessible();
    const join = await find<HTMLButtonElement>(element, '.primary');
    join.focus();
    const changed = oneEvent(element, 'advocacy-membership-change');
    await sendKeys({ press: 'Enter' });
    const { detail } = await changed;
    expect(detail.membership.state).to.equal('joined');
    await untilText(element, 'Welcome to the program!');
    await waitUntil(() => deepActiveElement()?.hasAttribute('data-focus'), 'focus did not move to the welcome');
    expect((await backend.getMyMembership!()).member).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('declining offers to join after all', async () => {
    const { client } = testClient({ employeeId: 'emp-tom' });
    const element = await invitationWith(client);
    await untilText(element, 'Not now');
    const buttons = shadow(element).querySelectorAll('button');
    buttons[1]!.click();
    await untilText(element, 'You declined the invitation');
    expect(textOf(element)).to.contain('Join after all');
    await expect(element).to.be.accessible();
  });

  it('shows nothing to a member', async () => {
    const { client } = testClient({ employeeId: 'emp-kenji' });
    const element = await invitationWith(client);
    await waitUntil(() => !shadow(element).querySelector('[aria-busy]'), 'never finished loading');
    expect(textOf(element)).to.equal('');
  });

  it('speaks Japanese, and tells someone never invited whom to ask in invitation enrollment', async () => {
    const { client } = testClient({ employeeId: 'emp-tom' });
    const element = await invitationWith(client, 'ja');
    await untilText(element, 'アドボカシープログラムへの招待が届いています');
    expect(textOf(element)).to.contain('プログラムに参加する');
    // A program by invitation where nobody has been invited yet.
    const fresh = testClient({ employeeId: 'emp-kenji', seed: { ...demoSeed(), members: [], enrollment: 'invitation' } });
    const uninvited = await invitationWith(fresh.client, 'ja');
    await untilText(uninvited, 'アドボカシープログラムは招待制です');
    await expect(uninvited).to.be.accessible();
  });

  it('shows a load failure with a retry that recovers', async () => {
    const { client, backend } = testClient({ employeeId: 'emp-tom' });
    backend.fail('server');
    const element = await invitationWith(client);
    await untilText(element, 'We couldn’t load your invitation');
    backend.fail(null);
    (await find<HTMLButtonElement>(element, '[role="alert"] button')).click();
    await untilText(element, 'You’re invited');
  });
});

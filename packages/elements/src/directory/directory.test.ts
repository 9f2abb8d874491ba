import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AdvocacyClient } from '@advocacy-kit/core';
import type { AdvocacyDirectoryElement } from './directory.component.js';
import { adminClient, deepActiveElement, find, findAll, shadow, textOf, untilText } from '../../test/helpers.js';
import '../admin.js';

async function mount(client: AdvocacyClient, lang = 'en'): Promise<AdvocacyDirectoryElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-directory></advocacy-directory></advocacy-provider></div>`,
  );
  return wrapper.querySelector('advocacy-directory')!;
}

const rowIds = (element: Element) => findAll(element, 'tbody tr').map((row) => row.getAttribute('data-id'));
const row = (element: Element, id: string) => shadow(element).querySelector<HTMLTableRowElement>(`tr[data-id="${id}"]`)!;

describe('<advocacy-directory>', () => {
  it('lists employees by name with team, role, language, time zone, status and last activity; accessible', async () => {
    const element = await mount(adminClient().client);
    await untilText(element, 'Emily Clarke');
    expect(textOf(element)).to.contain('Europe/London').and.contain('Active').and.contain('Last active');
    expect(row(element, 'emp-emily').querySelector<HTMLSelectElement>('select[data-field="team"]')!.value).to.equal('team-marketing');
    await expect(element).to.be.accessible();
  });

  it('searches from the keyboard and filters by role', async () => {
    const element = await mount(adminClient().client);
    await untilText(element, 'Emily Clarke');
    (await find<HTMLInputElement>(element, '#q')).focus();
    await sendKeys({ type: 'james' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => rowIds(element).join() === 'emp-james', 'the search did not narrow to James');
    const search = shadow(element).querySelector<HTMLInputElement>('#q')!;
    search.value = '';
    const role = shadow(element).querySelector<HTMLSelectElement>('#role')!;
    role.value = 'admin';
    role.dispatchEvent(new Event('change'));
    await waitUntil(() => rowIds(element).join() === 'emp-haruka', 'the role filter did not find the admin');
  });

  it("changes an employee's team in place once Save is pressed", async () => {
    const { client, backend } = adminClient();
    const element = await mount(client);
    await untilText(element, 'Emily Clarke');
    const team = row(element, 'emp-emily').querySelector<HTMLSelectElement>('select[data-field="team"]')!;
    team.value = 'team-sales';
    team.dispatchEvent(new Event('change'));
    await element.updateComplete;
    expect((await backend.as('emp-emily').getMe()).team, 'nothing is saved before Save').to.equal('team-marketing');
    const changed = oneEvent(element, 'advocacy-people-change');
    row(element, 'emp-emily').querySelector<HTMLButtonElement>('button[aria-label="Save the changes to Emily Clarke"]')!.click();
    expect((await changed).detail).to.deep.equal({ kind: 'employee', action: 'update', id: 'emp-emily' });
    await untilText(element, 'Saved the changes to Emily Clarke.');
    expect((await backend.as('emp-emily').getMe()).team).to.equal('team-sales');
    await waitUntil(() => !row(element, 'emp-emily').querySelector('[data-action="save"]'), 'Save stays after saving');
    expect(deepActiveElement()).to.equal(row(element, 'emp-emily').querySelector('select[data-field="team"]'));
  });

  it('arrowing through the team and role lists with the keyboard changes nothing until Save; Undo puts them back', async () => {
    const { client, backend } = adminClient();
    const element = await mount(client);
    await untilText(element, 'Emily Clarke');
    const team = row(element, 'emp-emily').querySelector<HTMLSelectElement>('select[data-field="team"]')!;
    const role = row(element, 'emp-emily').querySelector<HTMLSelectElement>('select[data-field="role"]')!;
    team.focus();
    await sendKeys({ press: 'ArrowDown' });
    role.focus();
    await sendKeys({ press: 'ArrowDown' });
    await element.updateComplete;
    expect(role.value, 'the keyboard moved the choice').to.equal('admin');
    const me = await backend.as('emp-emily').getMe();
    expect([me.team, me.role], 'one key press moved nobody and made nobody an admin').to.deep.equal(['team-marketing', 'employee']);
    const undo = row(element, 'emp-emily').querySelector<HTMLButtonElement>('button[aria-label="Undo the changes to Emily Clarke"]')!;
    undo.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !row(element, 'emp-emily').querySelector('[data-action="undo"]'), 'Undo stays');
    expect([team.value, role.value]).to.deep.equal(['team-marketing', 'employee']);
    expect(deepActiveElement()).to.equal(team);
    await expect(element).to.be.accessible();
  });

  it('deactivates after confirming, with focus kept in the row, and reactivates', async () => {
    const { client, backend } = adminClient();
    const element = await mount(client);
    await untilText(element, 'Emily Clarke');
    row(element, 'emp-emily').querySelector<HTMLButtonElement>('[data-action="deactivate"]')!.click();
    await untilText(element, 'Deactivate Emily Clarke? They can no longer sign in');
    await waitUntil(() => (deepActiveElement() as HTMLElement | null)?.dataset.action === 'cancel', 'focus did not move to Cancel');
    await expect(element).to.be.accessible();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await untilText(element, 'Deactivated Emily Clarke.');
    expect(textOf(element)).to.contain('Deactivated');
    await waitUntil(() => (deepActiveElement() as HTMLElement | null)?.dataset.action === 'reactivate', 'focus did not move to Reactivate');
    let refused = false;
    await backend
      .as('emp-emily')
      .getMe()
      .catch(() => (refused = true));
    expect(refused).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await untilText(element, 'Reactivated Emily Clarke.');
    expect((await backend.as('emp-emily').getMe()).id).to.equal('emp-emily');
  });

  it("says why an admin can't deactivate themselves", async () => {
    const element = await mount(adminClient().client);
    await untilText(element, '佐藤 遥');
    row(element, 'emp-haruka').querySelector<HTMLButtonElement>('[data-action="deactivate"]')!.click();
    (await find<HTMLButtonElement>(element, 'tr[data-id="emp-haruka"] [data-action="confirm"]')).click();
    await find(element, 'tr[data-id="emp-haruka"] [role="alert"]');
    expect(row(element, 'emp-haruka').textContent).to.contain('Active');
  });

  it('speaks Japanese', async () => {
    const element = await mount(adminClient().client, 'ja');
    await untilText(element, '社員');
    expect(textOf(element)).to.contain('最終利用').and.contain('無効にする');
  });

  it('shows an error with a retry', async () => {
    const { client, backend } = adminClient();
    backend.fail('server');
    const element = await mount(client);
    await untilText(element, 'We couldn’t load the employees');
    await expect(element).to.be.accessible();
    backend.fail(null);
    shadow(element).querySelector<HTMLButtonElement>('[part="state"] button')!.click();
    await untilText(element, 'Emily Clarke');
  });
});

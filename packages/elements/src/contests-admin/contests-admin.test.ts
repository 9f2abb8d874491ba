import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AdvocacyClient } from '@advocacy-kit/core';
import type { AdvocacyContestsAdminElement } from './contests-admin.component.js';
import { adminClient, find, findAll, mountFailing, shadow, textOf, untilText } from '../../test/helpers.js';
import '../admin.js';

async function contestsWith(client: AdvocacyClient, lang = 'en'): Promise<AdvocacyContestsAdminElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-contests-admin></advocacy-contests-admin></advocacy-provider></div>`,
  );
  return wrapper.querySelector('advocacy-contests-admin')!;
}

/** A `datetime-local` value `days` from now. */
const local = (days: number) => {
  const at = new Date(Date.now() + days * 86_400_000);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

describe('<advocacy-contests-admin>', () => {
  it('lists every contest, creates one from the keyboard and cancels it, audited', async () => {
    const { client, backend } = adminClient();
    const element = await contestsWith(client);
    await find(element, '[part="contest"]');
    await expect(element).to.be.accessible();
    const before = findAll(element, '[part="contest"]').length;

    shadow(element).querySelector<HTMLInputElement>('#starts')!.value = local(1);
    shadow(element).querySelector<HTMLInputElement>('#ends')!.value = local(8);
    shadow(element).querySelector<HTMLInputElement>('#prize')!.value = 'A mug';
    const title = shadow(element).querySelector<HTMLInputElement>('#title')!;
    title.focus();
    await sendKeys({ type: 'Autumn push' });
    await sendKeys({ press: 'Enter' });
    await untilText(element, 'Created “Autumn push”.');
    await untilText(element, 'Upcoming');
    expect(findAll(element, '[part="contest"]')).to.have.length(before + 1);

    const cancel = findAll<HTMLButtonElement>(element, '[part="cancel-button"]').find(
      (b) => b.getAttribute('aria-label') === 'Cancel contest “Autumn push”',
    )!;
    cancel.focus();
    await sendKeys({ press: 'Enter' });
    await untilText(element, 'Cancelled “Autumn push”.');
    const row = findAll(element, '[part="contest"]').find((li) => li.textContent!.includes('Autumn push'))!;
    expect(row.textContent).to.contain('Cancelled');
    expect(row.querySelector('[part="cancel-button"]')).to.equal(null);
    const log = await backend.admin.listAudit!({ action: 'contest.' });
    expect(log.items.map((entry) => entry.action).slice(0, 2)).to.deep.equal(['contest.cancel', 'contest.create']);
    await expect(element).to.be.accessible();
  });

  it('reads and writes times in the admin’s own zone and says which', async () => {
    // The signed-in admin's profile says Asia/Tokyo, whatever the browser's zone.
    const { client, backend } = adminClient();
    const element = await contestsWith(client);
    await find(element, '[part="contest"]');
    await untilText(element, 'Times in Asia/Tokyo.');
    shadow(element).querySelector<HTMLInputElement>('#starts')!.value = '2027-01-10T09:00';
    shadow(element).querySelector<HTMLInputElement>('#ends')!.value = '2027-01-17T18:00';
    shadow(element).querySelector<HTMLInputElement>('#prize')!.value = 'A mug';
    shadow(element).querySelector<HTMLInputElement>('#title')!.value = 'New year push';
    shadow(element).querySelector<HTMLFormElement>('form')!.requestSubmit();
    await untilText(element, 'Created “New year push”.');
    const created = (await backend.as('emp-haruka').admin.listContests!()).find((contest) => contest.title === 'New year push')!;
    expect(created.startsAt).to.equal('2027-01-10T00:00:00.000Z');
    expect(created.endsAt).to.equal('2027-01-17T09:00:00.000Z');
    const row = findAll(element, '[part="contest"]').find((li) => li.textContent!.includes('New year push'))!;
    expect(row.textContent).to.contain('9:00').and.contain('GMT+9');
  });

  it('turns the anonymous leaderboard on from the keyboard, audited', async () => {
    const { client, backend } = adminClient();
    const element = await contestsWith(client);
    const anonymous = await find<HTMLInputElement>(element, '#anonymous');
    expect(anonymous.checked).to.equal(false);
    anonymous.focus();
    await sendKeys({ press: 'Space' });
    const top = shadow(element).querySelector<HTMLInputElement>('#top')!;
    top.value = '';
    top.focus();
    await sendKeys({ type: '5' });
    await sendKeys({ press: 'Enter' });
    await untilText(element, 'Leaderboard setting saved.');
    const saved = await backend.admin.getLeaderboardSettings!();
    expect([saved.anonymous, saved.top]).to.deep.equal([true, 5]);
    const [entry] = (await backend.admin.listAudit!({ action: 'settings.' })).items;
    expect(entry!.target).to.deep.equal({ kind: 'program', id: 'leaderboard' });
    await expect(element).to.be.accessible();
  });

  it('marks each missing field and moves focus to the first one instead of sending', async () => {
    const element = await contestsWith(adminClient().client);
    await find(element, '[part="contest"]');
    shadow(element).querySelector<HTMLButtonElement>('form[part="form"] button.primary')!.click();
    await untilText(element, 'Check the fields marked below.');
    const invalid = findAll<HTMLInputElement>(element, '[aria-invalid="true"]').map((input) => input.id);
    expect(invalid).to.deep.equal(['title', 'prize', 'starts', 'ends']);
    expect(shadow(element).activeElement?.id).to.equal('title');
    const title = shadow(element).querySelector('#title')!;
    expect(shadow(element).getElementById(title.getAttribute('aria-describedby')!)!.textContent).to.equal('Required.');
    await expect(element).to.be.accessible();
  });

  it('edits a running contest from the keyboard: Japanese prize, a later end; an end before the start is marked on the field', async () => {
    const { client, backend } = adminClient();
    const element = await contestsWith(client);
    await find(element, '[part="contest"]');
    const edit = findAll<HTMLButtonElement>(element, '[part="edit-button"]').find(
      (b) => b.getAttribute('aria-label') === 'Edit contest “Autumn sharing sprint”',
    )!;
    edit.focus();
    await sendKeys({ press: 'Enter' });
    await untilText(element, 'Edit “Autumn sharing sprint”');
    const root = shadow(element);
    expect(root.activeElement?.id).to.equal('title');
    expect(root.querySelector<HTMLInputElement>('#prize-ja')!.value).to.equal('優勝者に特別休暇2日、上位5人にチームランチ');
    expect(root.querySelector<HTMLInputElement>('#starts')!.disabled, 'a running contest keeps its start').to.equal(true);

    const ends = root.querySelector<HTMLInputElement>('#ends')!;
    ends.value = local(-40);
    root.querySelector<HTMLButtonElement>('form[part="form"] button.primary')!.click();
    await untilText(element, 'Check the fields marked below.');
    expect(ends.getAttribute('aria-invalid')).to.equal('true');
    expect(root.getElementById('ends-error')!.textContent).to.contain('after startsAt');

    ends.value = local(20);
    const prizeJa = root.querySelector<HTMLInputElement>('#prize-ja')!;
    prizeJa.value = '';
    prizeJa.focus();
    await sendKeys({ type: 'マグカップ' });
    await sendKeys({ press: 'Enter' });
    await untilText(element, 'Saved “Autumn sharing sprint”.');
    const [saved] = (await backend.admin.listContests!()).filter((c) => c.title === 'Autumn sharing sprint');
    expect(saved!.translations?.['ja']?.prize).to.equal('マグカップ');
    expect(saved!.translations?.['ja']?.title).to.equal('秋のシェアスプリント');
    const [entry] = (await backend.admin.listAudit!({ action: 'contest.' })).items;
    expect(entry!.action).to.equal('contest.update');
    await untilText(element, 'New contest');
    await expect(element).to.be.accessible();
  });

  it('shows an error with a Retry', async () => {
    const { client, backend } = adminClient();
    backend.fail('server');
    const { element, alert } = await mountFailing('advocacy-contests-admin', client);
    expect(alert.textContent).to.contain('We couldn’t load the contests');
    await expect(element).to.be.accessible();
  });

  it('speaks Japanese', async () => {
    const element = await contestsWith(adminClient().client, 'ja');
    await find(element, '[part="contest"]');
    expect(textOf(element)).to.contain('コンテスト');
    expect(textOf(element)).to.contain('賞品');
    await expect(element).to.be.accessible();
  });
});

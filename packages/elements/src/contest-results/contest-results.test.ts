import { expect, fixture, html } from '@open-wc/testing';
import { createAdvocacyClient, type AdvocacyBackend, type Contest, type LeaderboardEntry } from '@advocacy-kit/core';
import { memoryBackend } from '@advocacy-kit/core/memory';
import type { AdvocacyContestResultsElement } from './contest-results.component.js';
import { find, findAll, mountFailing, testClient, textOf, untilText } from '../../test/helpers.js';
import '../all.js';

const DAY = 86_400_000;
const entry = (rank: number, employeeId: string, displayName: string, points: number): LeaderboardEntry => ({
  rank,
  employeeId,
  displayName,
  avatarUrl: null,
  team: 'team-sales',
  teamName: 'Sales',
  points,
});

/** A backend whose contests are fixed: one ended with a tie for second, one running. */
function withContests(contests: Contest[]) {
  const backend: AdvocacyBackend = Object.assign(Object.create(memoryBackend()) as AdvocacyBackend, {
    listContests: async () => contests,
  });
  return createAdvocacyClient({ backend, storage: null });
}

const ended: Contest = {
  id: 'c-summer',
  title: 'Summer sprint',
  description: '',
  prize: 'A lunch',
  translations: { ja: { title: '夏のスプリント', prize: 'ランチ' } },
  scope: 'company',
  team: null,
  startsAt: new Date(Date.now() - 20 * DAY).toISOString(),
  endsAt: new Date(Date.now() - 2 * DAY).toISOString(),
  status: 'ended',
  final: true,
  entries: [entry(1, 'emp-a', 'Aiko', 90), entry(2, 'emp-b', 'Ben', 60), entry(2, 'emp-kenji', 'Kenji', 60), entry(4, 'emp-c', 'Chie', 10)],
  me: entry(2, 'emp-kenji', 'Kenji', 60),
};
const running: Contest = {
  ...ended,
  id: 'c-now',
  title: 'Autumn',
  status: 'active',
  final: false,
  endsAt: new Date(Date.now() + DAY).toISOString(),
};

async function mount(client: unknown, lang = 'en', top = 5): Promise<AdvocacyContestResultsElement> {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><advocacy-provider .client=${client}><advocacy-contest-results top=${top}></advocacy-contest-results></advocacy-provider></div>`,
  );
  return wrapper.querySelector('advocacy-contest-results')!;
}

describe('<advocacy-contest-results>', () => {
  it('lists ended contests only, with the top places, ties as ties and my own place', async () => {
    const element = await mount(withContests([running, ended]));
    await find(element, '[part="contest"]');
    expect(findAll(element, '[part="contest"]')).to.have.length(1);
    const rows = findAll(element, '[part="row"]').map((row) => row.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows).to.deep.equal(['#1 Aiko 90 pts', '=2 (tied) Ben 60 pts', '=2 (tied) Kenji (You) 60 pts', '#4 Chie 10 pts']);
    expect(textOf(element)).to.contain('You finished #2 with 60 pts');
    expect(textOf(element)).not.to.contain('Autumn');
    await expect(element).to.be.accessible();
  });

  it('lists at most `top` places and says when I did not place', async () => {
    const element = await mount(withContests([{ ...ended, me: null }]), 'en', 2);
    await find(element, '[part="contest"]');
    expect(findAll(element, '[part="row"]')).to.have.length(2);
    expect(textOf(element)).to.contain('You did not earn points in this contest.');
  });

  it('says so when no contest ended', async () => {
    const element = await mount(withContests([running]));
    await untilText(element, 'No contest has ended in the last 30 days.');
  });

  it('shows an error with a Retry', async () => {
    const { client, backend } = testClient();
    backend.fail('server');
    const { element, alert } = await mountFailing('advocacy-contest-results', client);
    expect(alert.textContent).to.contain('We couldn’t load the contests');
    await expect(element).to.be.accessible();
  });

  it('speaks Japanese, with the contest’s Japanese title', async () => {
    const element = await mount(withContests([ended]), 'ja');
    await find(element, '[part="contest"]');
    expect(textOf(element)).to.contain('夏のスプリント');
    expect(textOf(element)).to.contain('同率2位');
    expect(textOf(element)).to.contain('あなたは 2 位（60 ポイント）でした');
    expect(textOf(element)).to.contain('（あなた）').and.not.to.contain('(あなた)');
    await expect(element).to.be.accessible();
  });

  it('lets the host page set its heading level (heading-level): the title, then each contest one below', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="en"><h1>Intranet</h1><h2>Contests</h2><advocacy-provider .client=${withContests([ended])}
          ><advocacy-contest-results heading-level="3"></advocacy-contest-results
        ></advocacy-provider></div>`,
    );
    const element = wrapper.querySelector('advocacy-contest-results')!;
    await find(element, '[part="contest"]');
    expect((await find(element, '#title')).tagName).to.equal('H3');
    expect((await find(element, '[part="contest"] .contest-title')).tagName).to.equal('H4');
    await expect(wrapper).to.be.accessible();
    element.removeAttribute('heading-level');
    await element.updateComplete;
    expect((await find(element, '#title')).tagName).to.equal('H2');
    expect((await find(element, '[part="contest"] .contest-title')).tagName).to.equal('H3');
  });
});

// Running the program (issue #15), in real Chromium against the real reference server on a fresh
// seeded SQLite database: the admin builds a pilot (topic, team, directory move, invitation
// enrollment, team invitation, a goal), publishes policy v2; the invited employee joins, accepts
// v2, is stopped by a blocked phrase, shares with the disclosure; the admin sees the goal move and
// every change in the audit log.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openHarness, signIn, signOut, tokenOf } from './harness.mjs';

const EMPLOYEE = 'Tom Hayes';
const ADMIN = '佐藤 遥';
const POST_TITLE = 'Blameless postmortems, five years on';

let harness;
before(async () => {
  harness = await openHarness();
});
after(async () => {
  await harness?.close();
});

async function openAdmin(page, baseUrl) {
  await signIn(page, baseUrl, { name: ADMIN, language: 'en' });
  await page.getByRole('link', { name: 'Advocacy admin' }).click();
  await page.getByRole('heading', { level: 1, name: 'Advocacy admin' }).waitFor();
}

test('an admin runs a pilot: topic, team, invitation, policy v2 and a goal; the invited employee joins, accepts v2, meets a blocked phrase, shares with the disclosure; the goal and the audit log follow', async () => {
  const { context, stack } = harness;
  const page = await context.newPage();
  const stamp = Date.now().toString(36);
  const topicName = `Reliability ${stamp}`;
  const teamName = `Pilot ${stamp}`;
  const goalTitle = `Pilot shares ${stamp}`;
  const policyText = `Kumo Systems social-media policy, version 2 (${stamp}).\n\nSpeak for yourself, and never share confidential information.`;

  // Tom said "Not now" to the invitation he had: the pilot asks him again.
  await signIn(page, stack.url, { name: EMPLOYEE, language: 'en' });
  const invitation = page.locator('advocacy-invitation');
  await invitation.getByText('You’re invited to the advocacy program').waitFor();
  await invitation.getByRole('button', { name: 'Not now' }).click();
  await invitation.getByText('You declined the invitation').waitFor();
  await signOut(page);

  // The admin sets the pilot up.
  await openAdmin(page, stack.url);

  // A topic and a team.
  const topics = page.locator('advocacy-taxonomy-admin[kind="topics"]');
  await topics.getByRole('list', { name: 'Topics' }).waitFor();
  await topics.getByRole('textbox', { name: 'Name in English' }).fill(topicName);
  await topics.getByRole('textbox', { name: 'Name in Japanese' }).fill(`信頼性 ${stamp}`);
  await topics.getByRole('button', { name: 'Add' }).click();
  await topics.getByRole('status').getByText(`Added ${topicName}.`).waitFor();
  await topics.getByRole('list', { name: 'Topics' }).getByText(topicName).waitFor();

  const teams = page.locator('advocacy-taxonomy-admin[kind="teams"]');
  await teams.getByRole('list', { name: 'Teams' }).waitFor();
  await teams.getByRole('textbox', { name: 'Name in English' }).fill(teamName);
  await teams.getByRole('button', { name: 'Add' }).click();
  await teams.getByRole('status').getByText(`Added ${teamName}.`).waitFor();

  // The new team has nobody yet: move Tom into it from the directory.
  const directory = page.locator('advocacy-directory');
  await directory.getByRole('searchbox', { name: 'Search' }).fill('Tom');
  await directory.getByRole('button', { name: 'Search' }).click();
  const tomsTeam = directory.getByRole('combobox', { name: `Team of ${EMPLOYEE}` });
  await tomsTeam.locator('option', { hasText: teamName }).waitFor({ state: 'attached' });
  await tomsTeam.selectOption({ label: teamName });
  await directory.getByRole('button', { name: `Save the changes to ${EMPLOYEE}` }).click();
  await directory.getByText(`Saved the changes to ${EMPLOYEE}.`).waitFor();

  // Invitation enrollment, then the pilot team is invited.
  const members = page.locator('advocacy-members');
  await members.getByRole('radio', { name: 'By invitation' }).check();
  await members.getByText('Enrollment changed: By invitation.').waitFor();
  const teamPicker = members.getByRole('combobox', { name: 'Invite a team' });
  await teamPicker.locator('option', { hasText: teamName }).waitFor({ state: 'attached' });
  await teamPicker.selectOption({ label: teamName });
  await members.getByRole('button', { name: 'Invite team' }).click();
  await members.getByText('1 person invited.').waitFor();

  // A goal for the pilot team's shares: nothing yet.
  const goals = page.locator('advocacy-goals');
  await goals.getByRole('button', { name: 'New goal' }).click();
  const goalForm = goals.getByRole('form', { name: 'New goal' });
  await goalForm.getByRole('textbox', { name: 'Title' }).fill(goalTitle);
  await goalForm.getByRole('combobox', { name: 'Measure' }).selectOption({ label: 'Shares' });
  await goalForm.getByRole('spinbutton', { name: 'Target' }).fill('10');
  await goalForm.getByRole('combobox', { name: 'Team' }).selectOption({ label: teamName });
  await goalForm.getByRole('button', { name: 'Save goal' }).click();
  const goal = goals.getByRole('listitem', { name: goalTitle });
  const goalNow = goal.getByRole('definition').first();
  await goalNow.filter({ hasText: /^0$/ }).waitFor();

  // Policy v2: edit the draft, save, publish.
  const policy = page.locator('advocacy-policy-admin');
  const draft = policy.getByRole('textbox', { name: 'Policy text (en)' });
  await draft.fill(policyText);
  await policy.getByRole('button', { name: 'Save draft' }).click();
  await policy.getByText('Draft saved.').waitFor();
  await policy.getByRole('button', { name: 'Publish' }).click();
  await policy.getByText('Version 2 is published.').waitFor();

  // The demo's compliance rules: "confidential" is blocked, "#employee" is the English disclosure.
  const compliance = page.locator('advocacy-compliance-admin');
  await compliance.getByText('confidential', { exact: true }).waitFor();
  await compliance.getByRole('button', { name: 'Unblock “confidential”' }).waitFor();
  await signOut(page);

  // Tom sees the invitation again and joins.
  await signIn(page, stack.url, { name: EMPLOYEE, language: 'en' });
  await invitation.getByText('You’re invited to the advocacy program').waitFor();
  await invitation.getByRole('button', { name: 'Join the program' }).click();
  await invitation.getByText('Welcome to the program! You can share posts now.').waitFor();

  // He opens the share dialog: the policy v2 comes first.
  const feed = page.getByRole('list', { name: 'Posts to share' });
  await feed.getByRole('heading', { name: POST_TITLE }).waitFor();
  await page.getByRole('button', { name: `Share “${POST_TITLE}”` }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this post' });
  await dialog.getByRole('heading', { name: 'Before your first share' }).waitFor();
  await dialog.getByText(`Kumo Systems social-media policy, version 2 (${stamp}).`).waitFor();
  await dialog.getByText('Speak for yourself, and never share confidential information.').waitFor();
  await dialog.getByRole('button', { name: 'I agree' }).click();

  // A blocked phrase: the dialog names it and why; Share is disabled.
  await dialog.getByRole('radio', { name: 'X', exact: true }).check();
  const words = dialog.getByRole('textbox', { name: 'Your words' });
  const share = dialog.getByRole('button', { name: 'Share on X' });
  await words.fill('Our confidential postmortem template is the best part of this.');
  const blocked = dialog.getByRole('alert').filter({ hasText: 'Remove before sharing:' });
  await blocked.getByText('“confidential”: Never share confidential information.').waitFor();
  assert.equal(await share.isDisabled(), true, 'Share is disabled while a blocked term is there');
  await dialog.getByText('Added when you share: #employee').waitFor();

  // He removes it and shares to X: the intent carries his words and the disclosure.
  await words.fill('Our postmortem template is the best part of this.');
  await blocked.waitFor({ state: 'detached' });
  const popupOpened = context.waitForEvent('page');
  await share.click();
  const popup = await popupOpened;
  await popup.waitForURL(/x\.com/);
  const text = new URL(popup.url()).searchParams.get('text');
  await popup.close();
  assert.match(text, /^Our postmortem template is the best part of this\./);
  assert.match(text, /#employee/, `the shared text carries the disclosure: ${text}`);
  await dialog.getByText('Thanks for sharing!').waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();

  // The share as the API keeps it carries the disclosure too.
  const token = await tokenOf(page);
  const mine = await fetch(`${stack.url}/api/v1/me/export`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(mine.status, 200);
  const exported = await mine.json();
  const stored = exported.shares.map((s) => s.commentary ?? '').find((c) => c.startsWith('Our postmortem template'));
  assert.ok(stored?.includes('#employee'), `the stored share carries the disclosure: ${JSON.stringify(exported.shares)}`);
  await signOut(page);

  // The admin sees the goal move and the audit log tell the story.
  await openAdmin(page, stack.url);
  await goals.getByRole('listitem', { name: goalTitle }).getByRole('definition').first().filter({ hasText: /^1$/ }).waitFor();

  const audit = page.locator('advocacy-audit-log');
  for (const action of [
    'topic.create',
    'team.create',
    'employee.team',
    'settings.update',
    'program.invite',
    'goal.create',
    'policy.publish',
    'program.accept',
  ]) {
    await audit.getByRole('cell', { name: action, exact: true }).first().waitFor();
  }
  await page.close();
});

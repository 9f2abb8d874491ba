import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryBackend } from '../memory/memory-backend.js';
import { createPolicyAdmin } from './policy.js';

describe('policy admin store', () => {
  it('loads the versions and rules, writes a draft, publishes it, and manages terms and disclosures', async () => {
    const backend = memoryBackend({ employeeId: 'emp-haruka' });
    const policy = createPolicyAdmin({ backend });
    await policy.refresh();
    assert.equal(policy.store.get().versions[0]!.version, 1);
    const draft = await policy.saveDraft({ en: 'Version two.' });
    assert.deepEqual([draft.version, draft.status], [2, 'draft']);
    await policy.publish();
    assert.equal(policy.store.get().compliance!.policy!.version, 2);
    const term = await policy.addTerm({ locale: 'en', term: 'moonshot', reason: 'Hype.' });
    assert.ok(policy.store.get().compliance!.blockedTerms.some((t) => t.id === term.id));
    await policy.removeTerm(term.id);
    await policy.setDisclosures({ en: '#staff' });
    assert.deepEqual(policy.store.get().compliance!.disclosures, { en: '#staff' });
    await assert.rejects(policy.addTerm({ locale: 'en', term: ' ', reason: 'x' }), { code: 'validation' });
    assert.equal(policy.store.get().busy, false);
  });

  it('refuses an employee', async () => {
    const policy = createPolicyAdmin({ backend: memoryBackend({ employeeId: 'emp-kenji' }) });
    await policy.refresh();
    assert.equal(policy.store.get().status, 'error');
    await assert.rejects(policy.publish(), { code: 'forbidden' });
  });
});

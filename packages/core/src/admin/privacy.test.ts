import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryBackend } from '../memory/memory-backend.js';
import { createPrivacyAdmin } from './privacy.js';
import { until } from '../../test/helpers.js';

describe('createPrivacyAdmin', () => {
  it('loads and saves the retention, exports and erases a person', async () => {
    const backend = memoryBackend({ employeeId: 'emp-haruka' });
    const erased: string[] = [];
    const privacy = createPrivacyAdmin({ backend, onErased: (result) => erased.push(result.employeeId) });
    assert.deepEqual((await until(privacy.settings, (s) => s.status === 'ready')).data?.clickRetentionDays, null);
    await privacy.saveRetention(30);
    assert.equal(privacy.settings.get().data?.clickRetentionDays, 30);
    assert.equal((await privacy.exportPerson('emp-yui')).employee.id, 'emp-yui');
    const result = await privacy.erase('emp-yui');
    assert.deepEqual(erased, [result.employeeId]);
    await assert.rejects(privacy.saveRetention(0), { code: 'validation' });
  });

  it('rejects for an employee, with typed errors', async () => {
    const privacy = createPrivacyAdmin({ backend: memoryBackend({ employeeId: 'emp-kenji' }) });
    await assert.rejects(privacy.erase('emp-yui'), { code: 'forbidden' });
    assert.equal((await until(privacy.settings, (s) => s.status === 'error')).error?.code, 'forbidden');
  });
});

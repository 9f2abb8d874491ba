import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryBackend } from '../memory/memory-backend.js';
import { createDeliverySettings } from './delivery.js';
import { until } from '../../test/helpers.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const admin = () => memoryBackend({ employeeId: 'emp-haruka', now: () => NOW });

describe('createDeliverySettings', () => {
  it('saves SMTP settings with a write-only password that is kept when left out', async () => {
    const delivery = createDeliverySettings({ backend: admin() });
    const ready = await until(delivery.store, (s) => s.status === 'ready');
    assert.equal(ready.settings!.smtpPasswordSet, false);
    const saved = await delivery.save({ smtpHost: 'smtp.example.com', fromAddress: 'advocacy@example.com', smtpPassword: 'secret-123' });
    assert.equal(saved.smtpPasswordSet, true);
    assert.ok(!JSON.stringify(saved).includes('secret-123'));
    const again = await delivery.save({ smtpPort: 2525 });
    assert.equal(again.smtpPasswordSet, true, 'kept when left out');
    assert.equal(delivery.store.get().settings!.smtpPort, 2525);
  });

  it('sends a test message and shows it in the log; refuses an unconfigured channel and private Teams URLs', async () => {
    const delivery = createDeliverySettings({ backend: admin() });
    await until(delivery.store, (s) => s.status === 'ready');
    await assert.rejects(delivery.sendTest({ channel: 'slack' }), (error: Error & { code?: string }) => error.code === 'conflict');
    assert.equal(delivery.store.get().actionError?.code, 'conflict');
    await assert.rejects(
      delivery.save({ teamsUrl: 'https://10.0.0.5/hook' }),
      (error: Error & { code?: string }) => error.code === 'validation',
    );
    await delivery.save({ slackUrl: 'https://hooks.slack.com/services/T/B/X' });
    const sent = await delivery.sendTest({ channel: 'slack' });
    assert.equal(sent.status, 'delivered');
    assert.deepEqual(
      delivery.store.get().messages.map((m) => m.id),
      [sent.id],
    );
    assert.equal(delivery.store.get().lastTest?.id, sent.id);
  });

  it('refuses employees, and says when a backend has no delivery', async () => {
    const employee = createDeliverySettings({ backend: memoryBackend({ now: () => NOW }) });
    assert.equal((await until(employee.store, (s) => s.status === 'error')).error?.code, 'forbidden');
    const backend = admin();
    const { getDeliverySettings: _dropped, ...rest } = backend.admin;
    const none = createDeliverySettings({ backend: { ...backend, admin: rest } });
    assert.equal((await until(none.store, (s) => s.status === 'error')).error?.code, 'not_found');
  });
});

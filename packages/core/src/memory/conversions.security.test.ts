import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAdvocacyError, type AdvocacyError } from '../backend/errors.js';
import { memoryBackend, type MemoryBackend } from './memory-backend.js';

// The memory backend applies the reference server's rules on reported conversions (security review).

const NOW = new Date('2026-06-15T12:00:00.000Z');

async function codeOf(backend: MemoryBackend): Promise<string> {
  const [post] = (await backend.listFeed({ limit: 1 })).items;
  await backend.acceptPolicy();
  return (await backend.createShare({ postId: post!.id, network: 'linkedin', commentary: '', idempotencyKey: 'security' })).trackingCode;
}

async function fieldsOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => assert.fail('expected a refusal'),
    (caught: unknown) => caught as AdvocacyError,
  );
  assert.ok(isAdvocacyError(error) && error.code === 'validation', String(error));
  return error.fieldErrors.map((field) => field.field);
}

describe('security: memoryBackend conversions', () => {
  it('refuses a value above rules.conversions.maxValue, and a value without a currency', async () => {
    const backend = memoryBackend({ now: () => NOW, rules: { conversions: { maxValue: 5000 } } });
    const code = await codeOf(backend);
    assert.deepEqual(await fieldsOf(backend.recordConversion({ code, type: 'deal', value: 5001, currency: 'EUR', externalId: 'd-1' })), [
      'value',
    ]);
    assert.deepEqual(await fieldsOf(backend.recordConversion({ code, type: 'deal', value: 10, externalId: 'd-2' })), ['currency']);
    assert.deepEqual(await fieldsOf(backend.recordConversion({ code, type: 'deal', value: 10, currency: 'euro', externalId: 'd-3' })), [
      'currency',
    ]);
    assert.equal((await backend.recordConversion({ code, type: 'deal', value: 5000, currency: 'EUR', externalId: 'd-4' })).value, 5000);
  });

  it('records under its conversionSource, `default` unless told', async () => {
    const plain = memoryBackend({ now: () => NOW });
    assert.equal((await plain.recordConversion({ code: await codeOf(plain), type: 'lead', externalId: 'l-1' })).source, 'default');
    const shop = memoryBackend({ now: () => NOW, conversionSource: 'shop' });
    assert.equal((await shop.recordConversion({ code: await codeOf(shop), type: 'lead', externalId: 'l-1' })).source, 'shop');
  });
});

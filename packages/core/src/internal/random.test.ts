import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { uuid } from './random.js';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuid', () => {
  it('makes version 4 UUIDs, also where crypto.randomUUID is missing (insecure contexts)', () => {
    const randomUUID = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(crypto), 'randomUUID')!;
    const made = [uuid()];
    Object.defineProperty(Object.getPrototypeOf(crypto), 'randomUUID', { configurable: true, value: undefined });
    try {
      for (let i = 0; i < 2000; i++) made.push(uuid());
    } finally {
      Object.defineProperty(Object.getPrototypeOf(crypto), 'randomUUID', randomUUID);
    }
    assert.ok(
      made.every((id) => V4.test(id)),
      made.find((id) => !V4.test(id)),
    );
    assert.equal(new Set(made).size, made.length);
    // Every random digit varies: no position is stuck (as it would be past the end of the random bytes).
    const fallback = made.slice(1);
    for (let position = 0; position < 36; position++) {
      if ([8, 13, 14, 18, 23].includes(position)) continue;
      assert.ok(new Set(fallback.map((id) => id[position])).size > 3, `position ${position} barely varies`);
    }
  });
});

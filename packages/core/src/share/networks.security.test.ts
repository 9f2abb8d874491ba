import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NETWORK_IDS } from '../backend/contract.js';
import { networks } from './networks.js';

/** What a hostile or broken backend might return as a tracking URL or a post's title. */
const HOSTILE = [
  'javascript:alert(1)',
  ' \tJaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
];

describe('security: share intents', () => {
  it('always go to the network’s own https address (or mailto:), whatever URL and title the backend returned', () => {
    for (const id of NETWORK_IDS) {
      for (const hostile of HOSTILE) {
        const intent = networks[id].intentUrl({ url: hostile, text: `Read this ${hostile}`, title: hostile });
        if (intent === null) continue;
        const parsed = new URL(intent);
        assert.ok(parsed.protocol === 'https:' || (id === 'email' && parsed.protocol === 'mailto:'), `${id}: ${intent}`);
        assert.ok(!intent.includes(hostile), `${id} carries the value unencoded: ${intent}`);
      }
    }
  });
});

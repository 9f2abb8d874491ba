import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isPublicAddress } from '../../src/admin/address-guard.js';
import { fetchLinkPreview, LinkPreviewError } from '../../src/admin/link-preview.js';
import { httpSender } from '../../src/webhooks/send.js';
import { guardedLookup, targetProblem } from '../../src/webhooks/target.js';

// Loopback and private networks hide behind other spellings: a trailing dot on a name, and IPv6
// addresses that carry an IPv4 address inside them. Each spelling must be judged by what it means.

const strict = { allowHttp: true, allowPrivate: false };

/** IPv6 spellings of IPv4 addresses, as URL hosts. */
const embedding = (v4: string): string[] => {
  const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
  const high = ((a << 8) | b).toString(16);
  const low = ((c << 8) | d).toString(16);
  return [
    `[::ffff:${v4}]`, // IPv4-mapped
    `[::ffff:${high}:${low}]`, // IPv4-mapped, in hex (how URL writes it)
    `[0:0:0:0:0:ffff:${high}:${low}]`,
    `[::${v4}]`, // IPv4-compatible (deprecated)
    `[::${high}:${low}]`,
    `[::ffff:0:${v4}]`, // IPv4-translated (SIIT)
    `[64:ff9b::${v4}]`, // NAT64 well-known prefix
    `[64:ff9b::${high}:${low}]`,
    `[2002:${high}:${low}::]`, // 6to4
    `[2002:${high}:${low}:1::1]`,
  ];
};

const PRIVATE_V4 = ['127.0.0.1', '127.0.0.2', '10.0.0.1', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0'];
const PUBLIC_V4 = ['93.184.216.34', '8.8.8.8'];
const LOOPBACK_NAMES = ['localhost.', 'LOCALHOST', 'LocalHost.', 'localhost..', 'api.localhost.', 'x.LOCALHOST'];

describe('security: outbound address forms', () => {
  it('classifies IPv6 addresses that embed an IPv4 address by the embedded address', () => {
    for (const v4 of PRIVATE_V4) {
      for (const host of embedding(v4)) {
        const address = new URL(`http://${host}/`).hostname.slice(1, -1);
        assert.equal(isPublicAddress(address), false, `${host} (${address}) embeds ${v4}`);
        assert.equal(isPublicAddress(host.slice(1, -1)), false, `${host} embeds ${v4}`);
      }
    }
    for (const v4 of PUBLIC_V4) {
      for (const host of embedding(v4)) {
        assert.equal(isPublicAddress(host.slice(1, -1)), true, `${host} embeds public ${v4}`);
      }
    }
  });

  it('classifies every embedding of any IPv4 address as that address is classified', () => {
    fc.assert(
      fc.property(fc.ipV4(), (address) => {
        const expected = isPublicAddress(address);
        for (const host of embedding(address)) {
          assert.equal(isPublicAddress(new URL(`http://${host}/`).hostname), expected, `${host} embeds ${address}`);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('refuses Teredo, local-use NAT64 and zone-scoped link-local addresses', () => {
    for (const address of ['2001:0:4136:e378:8000:63bf:3fff:fdd2', '64:ff9b:1::a00:1', 'fe80::1%eth0', 'FE80::1', '::FFFF:7F00:1']) {
      assert.equal(isPublicAddress(address), false, address);
    }
  });

  it('refuses webhook targets on loopback names with a trailing dot or in capitals', () => {
    for (const name of LOOPBACK_NAMES) {
      assert.match(targetProblem(`https://${name}/hook`, strict) ?? 'accepted', /private/, name);
    }
  });

  it('refuses webhook targets at every IPv6 form of a private IPv4 address', () => {
    for (const v4 of PRIVATE_V4) {
      for (const host of embedding(v4)) {
        assert.match(targetProblem(`https://${host}/hook`, strict) ?? 'accepted', /private/, `${host} embeds ${v4}`);
      }
    }
    assert.equal(targetProblem('https://[2606:4700:4700::1111]/hook', strict), null);
    assert.equal(targetProblem('https://[::ffff:8.8.8.8]/hook', strict), null);
  });

  it('never sends a webhook to those forms, nor to a name that resolves to loopback', async () => {
    const send = httpSender(strict);
    for (const url of ['http://[::7f00:1]:9/hook', 'http://[64:ff9b::7f00:1]:9/hook', 'http://localhost.:9/hook']) {
      const result = await send(url, '{}', {}, { idleMs: 1_000, deadlineMs: 1_000 });
      assert.equal(result.status, null, url);
      assert.match(result.error ?? '', /private/, url);
    }
  });

  it('checks what a webhook host name resolves to when sending', async () => {
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => guardedLookup(strict)('localhost', {}, resolve));
    assert.equal(error?.code, 'EPRIVATE');
  });

  it('never fetches a link preview from those forms', async () => {
    for (const url of ['http://[::7f00:1]/', 'http://[::ffff:0:7f00:1]/', 'http://[2002:7f00:1::]/', 'http://[64:ff9b::a9fe:a9fe]/']) {
      await assert.rejects(
        fetchLinkPreview(url, { timeoutMs: 1_000 }),
        (error) => error instanceof LinkPreviewError && error.code === 'blocked_address',
        url,
      );
    }
  });
});

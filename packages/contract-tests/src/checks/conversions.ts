import { assert, assertEqual, step } from '../assert.js';
import type { Check } from '../check.js';
import { ledger, newRows, stats } from './points.js';
import { shareFreshPost } from './share.js';

export const conversionChecks: Check[] = [
  {
    id: 'conversions.credited-once',
    group: 'conversions',
    name: 'a conversion on a referral code is credited to the sharer once per external id',
    async run(context) {
      const factory = context.target.conversions;
      if (!factory) return context.skip("the target has no backend for the company's systems (an API key)");
      const system = await step('create the conversions backend', async () => factory());
      const { post, share } = await shareFreshPost(context);
      const ledgerBefore = await ledger(context.employee);
      const statsBefore = await stats(context.employee);
      const input = {
        code: share.trackingCode,
        type: 'lead' as const,
        value: 120,
        currency: 'EUR',
        externalId: context.unique('crm-lead'),
      };
      const first = await step('record a lead for the referral code', () => system.recordConversion(input));
      const again = await step('record the same external id again', () => system.recordConversion(input));
      assertEqual(
        { postId: first.postId, employeeId: first.employeeId, code: first.code, type: first.type, value: first.value },
        { postId: post.id, employeeId: context.me.id, code: share.trackingCode, type: 'lead', value: 120 },
        'the conversion is attributed to the shared post and the sharer',
      );
      assertEqual(again.id, first.id, 'the same external id returns the same conversion');
      const statsAfter = await stats(context.employee);
      assertEqual(
        { conversions: statsAfter.conversions - statsBefore.conversions, value: statsAfter.conversionValue - statsBefore.conversionValue },
        { conversions: 1, value: 120 },
        "the sharer's stats gain one conversion and its value",
      );
      const added = newRows(ledgerBefore, await ledger(context.employee));
      assert(
        added.length === 1 && added[0]!.reason === 'conversion' && added[0]!.delta > 0,
        "the sharer's ledger gains one positive conversion row",
        'one row: conversion, delta > 0',
        added.map((row) => ({ reason: row.reason, delta: row.delta })),
      );
    },
  },
];

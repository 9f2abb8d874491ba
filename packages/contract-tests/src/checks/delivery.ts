import { assert, assertEqual, expectError, step } from '../assert.js';
import type { Check } from '../check.js';

/**
 * Delivery settings (email over SMTP, Teams, Slack). The checks change only what they can put
 * back: a real deployment's SMTP password is never overwritten (it is set only where none was,
 * and removed again), and the other settings are restored as they were.
 */
export const deliveryChecks: Check[] = [
  {
    id: 'delivery.settings-round-trip',
    group: 'delivery',
    name: 'delivery settings round-trip; the SMTP password is write-only: never answered, kept when left out',
    async run(context) {
      const admin = context.admin.admin;
      const { getDeliverySettings: get, updateDeliverySettings: update } = admin;
      if (!get || !update) return context.skip('the target has no delivery settings (getDeliverySettings, updateDeliverySettings)');
      const before = await step('read the delivery settings as admin', () => get.call(admin));
      assert(!('smtpPassword' in before), 'the settings carry no password field', 'no smtpPassword', Object.keys(before));
      const replyTo = `reply-${context.runTag.toLowerCase().replace(/[^a-z0-9]/g, '')}@example.com`;
      const secret = `pw-${context.unique('smtp')}`;
      const setPassword = !before.smtpPasswordSet;
      try {
        const saved = await step('change the reply-to address and the digest channels', () =>
          update.call(admin, { replyTo, routes: { digest: ['email'] }, ...(setPassword ? { smtpPassword: secret } : {}) }),
        );
        assertEqual(saved.replyTo, replyTo, 'the answer has the new reply-to address');
        assertEqual(saved.routes.digest, ['email'], 'the answer has the new digest channels');
        assertEqual(saved.smtpPasswordSet, true, 'the answer says a password is set');
        const read = await step('read the settings again', () => get.call(admin));
        assertEqual(read.replyTo, replyTo, 'a read returns the saved reply-to address');
        assertEqual(read.routes.nudge, before.routes.nudge, 'routes not named in the change are unchanged');
        assert(
          !JSON.stringify([saved, read]).includes(secret),
          'the password is in no answer',
          'absent',
          setPassword ? 'present' : 'not set by this check',
        );
        const kept = await step('change the SMTP port without a password', () =>
          update.call(admin, { smtpPort: before.smtpPort === 2525 ? 2526 : 2525 }),
        );
        assertEqual(kept.smtpPasswordSet, true, 'a change without a password keeps the stored one');
        const employeeAdmin = context.employee.admin;
        if (employeeAdmin.getDeliverySettings) {
          const read = employeeAdmin.getDeliverySettings;
          await expectError('an employee reads the delivery settings', 'forbidden', () => read.call(employeeAdmin));
        }
      } finally {
        await step('restore the delivery settings', () =>
          update.call(admin, {
            replyTo: before.replyTo,
            smtpPort: before.smtpPort,
            routes: before.routes,
            ...(setPassword ? { smtpPassword: null } : {}),
          }),
        );
      }
    },
  },
];

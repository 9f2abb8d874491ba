import { expect } from '@open-wc/testing';
import { fromLocalInput, toLocalInput } from './zoned-time.js';

describe('zoned time for datetime-local inputs', () => {
  it('shows a UTC instant as wall-clock time in the admin’s zone', () => {
    expect(toLocalInput('2026-12-01T09:00:00Z', 'Asia/Tokyo')).to.equal('2026-12-01T18:00');
    expect(toLocalInput('2026-07-01T16:30:00Z', 'America/New_York')).to.equal('2026-07-01T12:30');
    expect(toLocalInput(null, 'Asia/Tokyo')).to.equal('');
  });

  it('reads wall-clock time typed in the admin’s zone back as UTC, across daylight saving', () => {
    expect(fromLocalInput('2026-12-01T18:00', 'Asia/Tokyo')).to.equal('2026-12-01T09:00:00.000Z');
    expect(fromLocalInput('2026-07-01T12:30', 'America/New_York')).to.equal('2026-07-01T16:30:00.000Z');
    expect(fromLocalInput('2026-01-15T12:30', 'America/New_York')).to.equal('2026-01-15T17:30:00.000Z');
    expect(fromLocalInput('', 'Asia/Tokyo')).to.equal(null);
  });
});

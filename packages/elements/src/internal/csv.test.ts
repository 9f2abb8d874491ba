import { expect } from '@open-wc/testing';
import { toCsv } from './csv.js';

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks, and keeps formulas as text', () => {
    expect(
      toCsv(
        ['name', 'shares'],
        [
          ['Sato, Haruka', 3],
          ['say "hi"\nthen', 0],
          ['=HYPERLINK("x")', 1],
        ],
      ),
    ).to.equal('name,shares\r\n"Sato, Haruka",3\r\n"say ""hi""\nthen",0\r\n"\'=HYPERLINK(""x"")",1\r\n');
  });
});

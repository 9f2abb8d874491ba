import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvCell, csvRow } from './csv.js';

describe('CSV cells', () => {
  it('keeps every formula a spreadsheet would run as text, however it is disguised', () => {
    const formulas = [
      '=HYPERLINK("https://evil.example","x")',
      '+1+cmd|"/c calc"!A0',
      '-2+3',
      '@SUM(A1)',
      ' =1+1',
      '\n=1+1',
      '\t=1+1',
      '\r=1+1',
      ';=1+1',
      '＝1+1',
      '＋1',
      '－1',
      '＠SUM(A1)',
      '  ;  =1',
    ];
    for (const formula of formulas) {
      const cell = csvCell(formula);
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
      assert.ok(unquoted.startsWith("'"), `${JSON.stringify(formula)} became ${JSON.stringify(cell)}`);
    }
  });

  it('leaves ordinary text and numbers alone, and quotes what RFC 4180 says to', () => {
    assert.equal(csvCell('Plain title'), 'Plain title');
    assert.equal(csvCell('中村 結衣'), '中村 結衣');
    assert.equal(csvCell(-5), '-5');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell('a, "b"'), '"a, ""b"""');
    assert.equal(csvRow(['a', 1, null]), 'a,1,\r\n');
  });
});

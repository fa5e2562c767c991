import * as assert from 'node:assert/strict';
import { CLOSE_CODES } from '../../../src/core/closeCodes';
import { closeCodeInText, closeCodeInfoForText } from '../../../src/core/closeCodeText';
import { HOSTILE_STRINGS } from './hostile';

describe('core/closeCodes: reading reason text', () => {
  it('knows every sentence of the table, with or without the full stop', () => {
    for (const info of CLOSE_CODES) {
      assert.equal(closeCodeInfoForText(info.reason)?.code, info.code, info.reason);
      assert.equal(closeCodeInfoForText(`${info.reason}.`)?.code, info.code, info.reason);
      assert.equal(closeCodeInfoForText(info.reason.toUpperCase())?.code, info.code, info.reason);
    }
  });
  it('reads the 2020 log form by the sentence it begins with', () => {
    assert.equal(closeCodeInfoForText('The connection was closed by the client or network (5)')?.code, 91);
  });
  it('prefers the longest sentence a text begins with', () => {
    assert.equal(closeCodeInfoForText('The connection was closed by the server, sorry')?.code, 92);
  });
  it('recognises drifted wordings by a telling phrase', () => {
    assert.equal(closeCodeInfoForText('Connection timed out after 90s')?.code, 160);
    assert.equal(closeCodeInfoForText('Client not authorised')?.code, 180);
    assert.equal(closeCodeInfoForText('Session ended: client ID reused')?.code, 288);
  });
  it('says nothing about text it does not know', () => {
    assert.equal(closeCodeInfoForText('The moon is full'), undefined);
    assert.equal(closeCodeInfoForText(''), undefined);
    assert.equal(closeCodeInfoForText('(5)'), undefined);
  });
  it('parses the number a reason carries', () => {
    assert.equal(closeCodeInText('The connection was closed by the client or network (5)'), 5);
    assert.equal(closeCodeInText('The connection timed out (160).'), 160);
    assert.equal(closeCodeInText('closed (code 288)'), 288);
    assert.equal(closeCodeInText('closed, rc=91'), 91);
    assert.equal(closeCodeInText('The connection timed out.'), undefined);
    assert.equal(closeCodeInText('(1234567)'), undefined);
  });
  it('survives hostile text', () => {
    for (const s of HOSTILE_STRINGS) {
      closeCodeInText(s);
      closeCodeInfoForText(s);
    }
    assert.equal(closeCodeInText(42 as unknown as string), undefined);
    assert.equal(closeCodeInfoForText(null as unknown as string), undefined);
  });
});

import * as assert from 'node:assert/strict';
import { bypassesProxy } from '../../../../src/platform/proxy/bypass';

describe('platform proxy: which requests go around it (http.noProxy, NO_PROXY)', () => {
  const direct = (url: string, ...rules: string[]) => bypassesProxy(url, rules);

  it('sends loopback direct, as Chromium does, unless <-loopback> is listed', () => {
    for (const url of [
      'http://localhost:8088/api',
      'https://iot.localhost',
      'http://127.0.0.1:1883',
      'ws://[::1]:8083',
    ]) {
      assert.equal(direct(url), true, url);
      assert.equal(direct(url, '<-loopback>'), false, url);
    }
    assert.equal(direct('https://acme.example.com/api'), false);
  });

  it('matches a host, its subdomains, a port and an IPv4 prefix', () => {
    const url = 'https://org1.messaging.example.com:8883';
    assert.equal(direct(url, 'example.com'), true);
    assert.equal(direct(url, '.example.com'), true);
    assert.equal(direct(url, '*.example.com'), true);
    assert.equal(direct(url, 'messaging.example.com:8883'), true);
    assert.equal(direct(url, 'messaging.example.com:443'), false);
    assert.equal(direct(url, 'ample.com'), false, 'a suffix that is not a domain');
    assert.equal(direct(url, 'other.org', '  '), false);
    assert.equal(direct('https://10.1.2.3/api', '10.0.0.0/8'), true);
    assert.equal(direct('https://11.1.2.3/api', '10.0.0.0/8'), false);
    assert.equal(direct('https://any.where', '*'), true);
    assert.equal(direct('https://API.Example.COM', 'api.example.com'), true, 'case does not matter');
    assert.equal(direct('https://api.example.com', 'api.example.com:443'), true, 'the default port counts');
  });
});

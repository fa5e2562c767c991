// The size guard follows MQTT packet boundaries through arbitrary chunking and passes every
// byte of packets within the limit unchanged.

import * as assert from 'node:assert/strict';
import { generate } from 'mqtt-packet';
import { PassThrough } from 'node:stream';
import { SizeGuard } from '../../../../../../src/server/sources/sandbox/broker/sizeGuard';

const publish = (bytes: number) =>
  generate({
    cmd: 'publish',
    topic: 'iot-2/evt/e/fmt/bin',
    payload: Buffer.alloc(bytes, 7),
    qos: 0,
    retain: false,
    dup: false,
  });

/** Feeds `data` in chunks of `size` bytes; resolves with what came out and the sizes refused. */
async function feed(data: Buffer, size: number, max: number): Promise<{ out: Buffer; refused: number[] }> {
  const inner = new PassThrough();
  const refused: number[] = [];
  const guard = new SizeGuard(inner, max, (bytes) => refused.push(bytes));
  const parts: Buffer[] = [];
  guard.on('data', (b: Buffer) => parts.push(b));
  const ended = new Promise<void>((resolve) => guard.once('close', () => resolve()));
  for (let i = 0; i < data.length; i += size) inner.write(data.subarray(i, i + size));
  inner.end();
  guard.resume();
  await ended;
  return { out: Buffer.concat(parts), refused };
}

describe('sandbox broker: size guard', () => {
  const packets = Buffer.concat([
    publish(0),
    publish(127),
    publish(128),
    publish(16_384),
    publish(200_000),
    generate({ cmd: 'pingreq' }),
  ]);

  for (const chunk of [1, 2, 5, 1000, packets.length]) {
    it(`passes packets within the limit unchanged, in chunks of ${chunk} bytes`, async () => {
      const { out, refused } = await feed(packets, chunk, 300_000);
      assert.deepEqual(refused, []);
      assert.ok(out.equals(packets));
    });
  }

  it('stops at the header of a packet over the limit, passing only what came before it', async () => {
    // The limit is the payload's; the topic and header may add up to 65600 bytes.
    const data = Buffer.concat([publish(10), publish(70_000)]);
    const { out, refused } = await feed(data, 7, 1000);
    assert.equal(refused.length, 1);
    assert.ok(refused[0] > 70_000);
    assert.ok(out.length < publish(10).length + 16, "nothing of the large packet's body passes");
  });
});

// Debian's Python paho-mqtt (python3-paho-mqtt, 1.6) as a real second MQTT client for tests, in
// a process of its own so that a test can kill it (a crash), stop it (SIGSTOP: a hang that stops
// its keep-alive) or let it disconnect cleanly. It is driven by JSON lines on stdin and reports
// its callbacks as JSON lines on stdout. Debian's python3 is used by its path: another python3
// earlier on PATH may lack the package.

import { signalGroup, spawnGroup, stopGroup, type Group } from './brokers/processes';
import { waitFor } from './waitFor';

export const PYTHON = '/usr/bin/python3';

const SCRIPT = String.raw`
import json, sys
import paho.mqtt.client as mqtt
a = json.loads(sys.argv[1])
protocol = {"3.1": mqtt.MQTTv31, "3.1.1": mqtt.MQTTv311, "5": mqtt.MQTTv5}[a.get("protocol", "3.1.1")]
v5 = protocol == mqtt.MQTTv5
c = mqtt.Client(client_id=a["clientId"], protocol=protocol, **({} if v5 else {"clean_session": a.get("clean", True)}))
if a.get("username") is not None:
    c.username_pw_set(a["username"], a.get("password"))
if a.get("caFile"):
    c.tls_set(ca_certs=a["caFile"])
def say(**k):
    print(json.dumps(k), flush=True)
def rc_of(rc):
    return getattr(rc, "value", rc)
c.on_connect = lambda cl, u, flags, rc, props=None: say(event="connect", rc=rc_of(rc), text=str(rc))
c.on_disconnect = lambda cl, u, rc, props=None: say(event="disconnect", rc=rc_of(rc), text=str(rc))
c.on_publish = lambda cl, u, mid: say(event="publish", mid=mid)
try:
    c.connect(a["host"], a["port"], keepalive=a.get("keepalive", 60))
except Exception as e:
    say(event="error", text=str(e))
    sys.exit(1)
c.loop_start()
for line in sys.stdin:
    cmd = json.loads(line)
    if cmd["do"] == "disconnect":
        c.disconnect()
    elif cmd["do"] == "publish":
        c.publish(cmd["topic"], b"x" * cmd["size"], qos=cmd.get("qos", 0))
    elif cmd["do"] == "exit":
        break
c.loop_stop()
`;

export interface PahoOptions {
  host?: string;
  port: number;
  clientId: string;
  protocol?: '3.1' | '3.1.1' | '5';
  keepalive?: number;
  username?: string;
  password?: string;
  caFile?: string;
}

export interface PahoEvent {
  event: 'connect' | 'disconnect' | 'publish' | 'error';
  rc?: number;
  text?: string;
  mid?: number;
}

export class Paho {
  private constructor(private readonly group: Group) {}

  static start(o: PahoOptions): Paho {
    return new Paho(spawnGroup(PYTHON, ['-c', SCRIPT, JSON.stringify({ host: '127.0.0.1', ...o })], { stdin: 'pipe' }));
  }

  get pid(): number {
    return this.group.pid;
  }

  /** Every callback reported so far. */
  events(): PahoEvent[] {
    return this.group.lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as PahoEvent);
  }

  /** The first event of a kind (reported already or still to come). */
  next(event: PahoEvent['event'], timeoutMs?: number): Promise<PahoEvent> {
    return waitFor(
      `paho's ${event} (output: ${this.group.lines.slice(-5).join(' | ')})`,
      () => {
        const found = this.events().find((e) => e.event === event);
        if (found) return found;
        if (!this.group.running()) throw new Error(`paho ended before '${event}': ${this.group.lines.join('\n')}`);
        return undefined;
      },
      { timeoutMs },
    );
  }

  command(
    c: { do: 'disconnect' } | { do: 'exit' } | { do: 'publish'; topic: string; size: number; qos?: 0 | 1 | 2 },
  ): void {
    this.group.child.stdin?.write(`${JSON.stringify(c)}\n`);
  }

  signal(signal: NodeJS.Signals): void {
    signalGroup(this.group.pid, signal);
  }

  /** Ends the process (SIGCONT first, in case it was stopped). */
  async stop(): Promise<void> {
    signalGroup(this.group.pid, 'SIGCONT');
    await stopGroup(this.group, 2000);
  }
}

import dgram from 'node:dgram';

/** What the fake DNS server knows: names with MX and A records. Anything else is NXDOMAIN. */
export interface DnsZone {
  [name: string]: { mx?: { priority: number; exchange: string }[]; a?: string[] };
}

export type DnsFault = 'servfail' | 'drop';

const TYPE_A = 1;
const TYPE_MX = 15;

/**
 * A small authoritative DNS server on 127.0.0.1 (UDP) for tests: answers MX and A queries from a
 * table, NOERROR with no answers for a name it has without that record type, NXDOMAIN otherwise;
 * a fault makes it answer SERVFAIL or not at all. Point node:dns's Resolver at `server`.
 */
export class FakeDns {
  readonly queries: { name: string; type: number }[] = [];
  private readonly faults = new Map<string, DnsFault>();
  private constructor(
    private readonly socket: dgram.Socket,
    private zone: DnsZone,
  ) {}

  static async start(zone: DnsZone): Promise<FakeDns> {
    const socket = dgram.createSocket('udp4');
    const dns = new FakeDns(socket, normalise(zone));
    socket.on('message', (msg, rinfo) => dns.answer(msg, rinfo));
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    return dns;
  }

  get server(): string {
    return `127.0.0.1:${this.socket.address().port}`;
  }

  set(name: string, records: DnsZone[string] | null): void {
    const key = name.toLowerCase();
    if (records === null) delete this.zone[key];
    else this.zone[key] = records;
  }

  fault(name: string, fault: DnsFault | null): void {
    if (fault) this.faults.set(name.toLowerCase(), fault);
    else this.faults.delete(name.toLowerCase());
  }

  mxQueries(name: string): number {
    return this.queries.filter((q) => q.type === TYPE_MX && q.name === name.toLowerCase()).length;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }

  private answer(msg: Buffer, rinfo: dgram.RemoteInfo): void {
    if (msg.length < 12) return;
    const id = msg.readUInt16BE(0);
    const flags = msg.readUInt16BE(2);
    let offset = 12;
    const labels: string[] = [];
    while (offset < msg.length && msg[offset]! > 0) {
      const len = msg[offset]!;
      labels.push(msg.subarray(offset + 1, offset + 1 + len).toString('ascii'));
      offset += len + 1;
    }
    offset += 1;
    const type = msg.readUInt16BE(offset);
    const questionEnd = offset + 4;
    const name = labels.join('.').toLowerCase();
    this.queries.push({ name, type });

    const fault = this.faults.get(name);
    if (fault === 'drop') return;
    const records = this.zone[name];
    let rcode = 0;
    const answers: Buffer[] = [];
    if (fault === 'servfail') rcode = 2;
    else if (!records) rcode = 3;
    else if (type === TYPE_MX) {
      for (const mx of records.mx ?? []) {
        const exchange = encodeName(mx.exchange);
        const rdata = Buffer.alloc(2 + exchange.length);
        rdata.writeUInt16BE(mx.priority, 0);
        exchange.copy(rdata, 2);
        answers.push(record(TYPE_MX, rdata));
      }
    } else if (type === TYPE_A) {
      for (const ip of records.a ?? []) answers.push(record(TYPE_A, Buffer.from(ip.split('.').map(Number))));
    }
    const header = Buffer.alloc(12);
    header.writeUInt16BE(id, 0);
    // QR, the query's opcode and RD, AA and RA, and the response code.
    header.writeUInt16BE(0x8000 | (flags & 0x7900) | 0x0400 | 0x0080 | rcode, 2);
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(answers.length, 6);
    const reply = Buffer.concat([header, msg.subarray(12, questionEnd), ...answers]);
    this.socket.send(reply, rinfo.port, rinfo.address);
  }
}

function normalise(zone: DnsZone): DnsZone {
  return Object.fromEntries(Object.entries(zone).map(([k, v]) => [k.toLowerCase(), v]));
}

function encodeName(name: string): Buffer {
  const parts = name.replace(/\.$/, '').split('.').filter(Boolean);
  return Buffer.concat([
    ...parts.map((p) => Buffer.concat([Buffer.from([p.length]), Buffer.from(p, 'ascii')])),
    Buffer.from([0]),
  ]);
}

/** An answer for the question's name (a pointer to offset 12), class IN, TTL 300. */
function record(type: number, rdata: Buffer): Buffer {
  const head = Buffer.alloc(12);
  head.writeUInt16BE(0xc00c, 0);
  head.writeUInt16BE(type, 2);
  head.writeUInt16BE(1, 4);
  head.writeUInt32BE(300, 6);
  head.writeUInt16BE(rdata.length, 10);
  return Buffer.concat([head, rdata]);
}

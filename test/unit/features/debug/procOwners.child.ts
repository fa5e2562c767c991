// Asks procOwners about a process and a local port as whoever runs this (procOwners.test.ts runs
// it as another user) and prints the answers as one JSON line.
import { connectionsOf, ownersOf, socketInodesOf } from '../../../../src/features/debug/procOwners';

async function main(pid: number, port: number): Promise<void> {
  const answers = {
    inodes: await socketInodesOf(pid),
    connections: await connectionsOf([pid]),
    owners: await ownersOf({ address: '127.0.0.1', port }),
  };
  process.stdout.write(`${JSON.stringify(answers)}\n`);
}

void main(Number(process.argv[2]), Number(process.argv[3]));

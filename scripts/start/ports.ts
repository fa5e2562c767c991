// Preferred ports when they are free on 127.0.0.1, so URLs stay the same from one start to the
// next (bookmarks, SSH forwards, device code); otherwise 0, a port the OS picks.
import * as net from 'net';

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export async function preferredOrFree(port: number): Promise<number> {
  return (await isPortFree(port)) ? port : 0;
}

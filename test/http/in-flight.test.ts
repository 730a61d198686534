// What SIGTERM waits for before it closes the database (server/http/in-flight.ts): every request
// taken until it is answered, also after its client left; and not for ever for an answer that never
// ends once its client is gone (a file piped to a closed socket).
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { trackInFlight } from '../../server/http/in-flight';

async function serve(handler: http.RequestListener) {
  const server = http.createServer(handler);
  const inFlight = trackInFlight(server, 150);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return { server, inFlight, port };
}

/** Sends a GET and closes the connection after `ms`, without waiting for the answer. */
function askAndLeave(port: number, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      setTimeout(() => {
        socket.destroy();
        resolve();
      }, ms);
    });
  });
}

const timeOf = async (promise: Promise<void>) => {
  const started = Date.now();
  await promise;
  return Date.now() - started;
};

describe('requests in flight at shutdown', () => {
  it('is drained at once with nothing open, and after an answered request', async () => {
    const { server, inFlight, port } = await serve((_req, res) => res.end('ok'));
    assert.ok((await timeOf(inFlight.drained())) < 50);
    const res = await fetch(`http://127.0.0.1:${port}/`);
    assert.equal(await res.text(), 'ok');
    assert.ok((await timeOf(inFlight.drained())) < 50);
    server.close();
  });

  it('waits for a handler still working after its client left, until it answers', async () => {
    let answer!: () => void;
    const { server, inFlight, port } = await serve((_req, res) => {
      answer = () => res.end('te laat');
    });
    await askAndLeave(port, 20);
    let drained = false;
    void inFlight.drained().then(() => (drained = true));
    await new Promise((r) => setTimeout(r, 80));
    assert.equal(drained, false, 'the handler has not answered yet');
    answer();
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(drained, true);
    server.close();
  });

  it('stops waiting for an answer that never ends once its client left', async () => {
    const { server, inFlight, port } = await serve((_req, res) => {
      res.write('begin van een bestand'); // and nothing more: the pipe stopped with its socket
    });
    await askAndLeave(port, 20);
    const waited = await timeOf(inFlight.drained());
    assert.ok(waited >= 100 && waited < 1000, `waited ${waited} ms`);
    server.close();
  });
});

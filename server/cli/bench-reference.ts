// The benchmark's reference: a bare node:http server that answers each path with the exact bytes
// (status, Content-Type, body) Stadslog served for it, from memory. Whatever Stadslog does beyond
// that (routing, database, templates) is what its ratio to this server measures. Started by
// `npm run bench` as a child process: node dist/server/cli/bench-reference.js PAGES.json PORT
import fs from 'node:fs';
import http from 'node:http';

interface Page {
  path: string;
  status: number;
  contentType: string;
  bodyFile: string;
}

const [pagesFile, port] = process.argv.slice(2);
const pages = new Map<string, { status: number; headers: http.OutgoingHttpHeaders; body: Buffer }>();
for (const p of JSON.parse(fs.readFileSync(pagesFile, 'utf8')) as Page[]) {
  const body = fs.readFileSync(p.bodyFile);
  pages.set(p.path, { status: p.status, headers: { 'Content-Type': p.contentType, 'Content-Length': body.length }, body });
}

http
  .createServer((req, res) => {
    const page = pages.get(req.url ?? '');
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(page.status, page.headers).end(page.body);
  })
  .listen(Number(port), '127.0.0.1', () => console.log('ready'));

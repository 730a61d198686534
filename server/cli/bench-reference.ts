// The benchmark's reference: a bare node:http server that answers each path with the exact bytes
// (status, Content-Type, body) Stadslog served for it, from memory: to a client that accepts gzip,
// the compressed bytes Stadslog sent such a client. Whatever Stadslog does beyond that (routing,
// database, templates, compression) is what its ratio to this server measures. Started by
// `npm run bench` as a child process: node dist/server/cli/bench-reference.js PAGES.json PORT
import fs from 'node:fs';
import http from 'node:http';

interface Page {
  path: string;
  status: number;
  contentType: string;
  bodyFile: string;
  gzipFile?: string;
}

type Answer = { status: number; headers: http.OutgoingHttpHeaders; body: Buffer };

const [pagesFile, port] = process.argv.slice(2);
const pages = new Map<string, { plain: Answer; gzip?: Answer }>();
for (const p of JSON.parse(fs.readFileSync(pagesFile, 'utf8')) as Page[]) {
  const body = fs.readFileSync(p.bodyFile);
  const plain = { status: p.status, headers: { 'Content-Type': p.contentType, 'Content-Length': body.length }, body };
  const gz = p.gzipFile ? fs.readFileSync(p.gzipFile) : undefined;
  const gzip = gz && {
    status: p.status,
    headers: { 'Content-Type': p.contentType, 'Content-Length': gz.length, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' },
    body: gz,
  };
  pages.set(p.path, { plain, gzip });
}

http
  .createServer((req, res) => {
    const page = pages.get(req.url ?? '');
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    const answer = page.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) ? page.gzip : page.plain;
    res.writeHead(answer.status, answer.headers).end(answer.body);
  })
  .listen(Number(port), '127.0.0.1', () => console.log('ready'));

// The sitemap's files, built once per state of what they list (sitemap.ts sitemapState) and kept
// as bytes and as gzip, so a crawler's request costs the state's read (two small queries, shared by
// the requests of the same moment) and a copy to the socket, not 10.000 rows turned into XML.
//
// The state is read on every request, as the page cache reads its versions: a change made on any
// app server (publish, edit, unpublish, a dossier) shows at once, and a scheduled article appears
// the moment it is due (it is counted from then on). Only the files of the newest state are kept:
// the memory is the sitemap's own size once (about a ninth of it again for the gzip).
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Deps } from '../deps';
import { Coalescer } from '../shared/coalesce';
import { sitemapFiles, sitemapIndex, sitemapState, urlSet, type SitemapState } from './sitemap';

const gzip = promisify(zlib.gzip);

export interface SitemapFile {
  /** Changes with the bytes: the state's key and the file's number. */
  version: string;
  body: Buffer;
  gzip: Buffer;
  /** The newest last change of the addresses in it (Last-Modified); null: only the fixed pages. */
  lastChange: Date | null;
}

interface Built {
  state: SitemapState;
  /** By file number; 0 is /sitemap.xml (the index, or the one file). */
  files: Map<number, Promise<SitemapFile>>;
}

export class SitemapCache {
  private readonly states = new Coalescer<SitemapState>();
  private built: Built | null = null;

  constructor(
    private readonly deps: Deps,
    private readonly urlsPerFile: number,
  ) {}

  /** File `n` (0: /sitemap.xml) as it is now; null when there is no such file. */
  async file(n: number): Promise<SitemapFile | null> {
    const now = this.deps.clock();
    const state = await this.states.read('state', () => sitemapState(this.deps, now));
    if (this.built?.state.key !== state.key) this.built = { state, files: new Map() };
    const built = this.built;
    const files = sitemapFiles(state, this.urlsPerFile);
    if (n > files || (n > 0 && files === 1)) return null;
    return this.part(built, n, files, now);
  }

  private part(built: Built, n: number, files: number, now: Date): Promise<SitemapFile> {
    let file = built.files.get(n);
    if (!file) {
      file = this.build(built, n, files, now);
      built.files.set(n, file);
      // A failed build is not kept: the next request tries again.
      file.catch(() => {
        if (built.files.get(n) === file) built.files.delete(n);
      });
    }
    return file;
  }

  private async build(built: Built, n: number, files: number, now: Date): Promise<SitemapFile> {
    const { state } = built;
    let xml: string;
    let lastChange: Date | null;
    if (n === 0 && files > 1) {
      // The index names each file's newest change: built from the files, which crawlers ask next anyway.
      const parts: SitemapFile[] = [];
      for (let i = 1; i <= files; i++) parts.push(await this.part(built, i, files, now));
      xml = sitemapIndex(this.deps, parts);
      lastChange = state.lastChange;
    } else {
      ({ xml, lastChange } = await urlSet(this.deps, state, now, Math.max(1, n), this.urlsPerFile));
    }
    const body = Buffer.from(xml);
    return { version: `${state.key}/${n}`, body, gzip: await gzip(body), lastChange };
  }
}

// Many readers asking the database the same small question at once (what version is the
// voorpagina, which article has this slug) share one read instead of each making their own.
//
// At most one read per key runs at a time. A caller who arrives while one is under way waits for
// the next read, which starts as soon as that one settles and is shared by everyone who arrived in
// the meantime. So every caller gets an answer read after it arrived — never an older one, so a
// change committed before a request came in is always seen — and a burst of N requests costs two
// reads instead of N.
export class Coalescer<T> {
  private readonly running = new Map<string, Promise<T>>();
  private readonly waiting = new Map<string, Promise<T>>();

  read(key: string, fn: () => Promise<T>): Promise<T> {
    const waiting = this.waiting.get(key);
    if (waiting) return waiting;
    const running = this.running.get(key);
    if (!running) return this.start(key, fn);
    const settled = () => {
      this.waiting.delete(key);
      return this.start(key, fn);
    };
    const next = running.then(settled, settled);
    this.waiting.set(key, next);
    return next;
  }

  private start(key: string, fn: () => Promise<T>): Promise<T> {
    const read: Promise<T> = fn().finally(() => {
      if (this.running.get(key) === read) this.running.delete(key);
    });
    this.running.set(key, read);
    return read;
  }
}

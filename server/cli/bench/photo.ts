// The photo pipeline's target (issue 23): a 12-megapixel JPEG, as a phone makes it (4000×3000 with
// EXIF), made into its variants in under 2 s on this machine. Measured a few times on a generated
// photo with real detail (noise compresses like a photo, not like a flat colour); no timed test.
import crypto from 'node:crypto';
import path from 'node:path';
import sharp from 'sharp';
import { storeVariants } from '../../images/pipeline';
import { nl } from './format';

const RUNS = 3;
const PHOTO_TARGET_MS = 2000;

export interface PhotoRun {
  inputBytes: number;
  /** Milliseconds per run, in order. */
  times: number[];
  median: number;
}

export async function measurePhotoPipeline(work: string): Promise<PhotoRun> {
  const input = await sharp({
    create: { width: 4000, height: 3000, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 30 } },
  })
    .jpeg({ quality: 88 })
    .withExif({ IFD0: { Make: 'Stadscamera' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 22/1 0/1' } })
    .toBuffer();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // A new folder each run (another hash), so nothing made before is reused.
    const sha256 = crypto.createHash('sha256').update(input).update(String(i)).digest('hex');
    const started = process.hrtime.bigint();
    await storeVariants(input, path.join(work, 'fotos'), sha256);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
  return { inputBytes: input.length, times, median };
}

export function printPhotoReport(run: PhotoRun): void {
  const ms = (t: number) => `${nl(Math.round(t))} ms`;
  console.log(`\nFoto’s: een jpg van 12 megapixel (4000 × 3000, ${nl(Math.round(run.inputBytes / 1000))} kB) verkleind tot alle varianten`);
  console.log(
    `  ${run.times.map(ms).join(', ')}; mediaan ${ms(run.median)} (doel: onder ${ms(PHOTO_TARGET_MS)}: ${run.median < PHOTO_TARGET_MS ? 'gehaald' : 'niet gehaald'})`,
  );
}

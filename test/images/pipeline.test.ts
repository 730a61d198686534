// The image pipeline on real bytes made here with sharp: widths never upscaled, WebP and JPEG for
// each, the share JPEG, orientation applied, and no EXIF (GPS above all) in anything served.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { hasGpsIfd, jpegWithGps } from '../helpers/images';
import { ImageError, makeVariants, storeVariants, variantFile, variantsDir, widthsFor } from '../../server/images/pipeline';

describe('image pipeline', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'stadslog-beelden-'));
  });
  afterEach(async () => {
    await fs.promises.rm(dir, { recursive: true, force: true });
  });

  it('makes 480, 960 and 1600 wide WebP and JPEG variants and a 1200-wide share JPEG, with no EXIF or GPS in any of them', async () => {
    const upload = await jpegWithGps(2400, 1600);
    const input = await sharp(upload).metadata();
    assert.ok(hasGpsIfd(input.exif), 'the test photo carries GPS data');
    const out = path.join(dir, 'v');
    const made = await makeVariants(upload, out);
    assert.deepEqual(made, { width: 1600, height: 1067, widths: [480, 960, 1600], shareWidth: 1200, shareHeight: 800 });
    const files = fs.readdirSync(out).sort();
    assert.deepEqual(files, ['1600.jpg', '1600.webp', '480.jpg', '480.webp', '960.jpg', '960.webp', 'share.jpg']);
    for (const file of files) {
      const bytes = fs.readFileSync(path.join(out, file));
      const meta = await sharp(bytes).metadata();
      assert.equal(meta.format, file.endsWith('.webp') ? 'webp' : 'jpeg', file);
      assert.equal(meta.exif, undefined, `${file} has no EXIF`);
      assert.equal(meta.xmp, undefined, `${file} has no XMP`);
      assert.ok(!bytes.includes(Buffer.from('Stadscamera')) && !bytes.includes(Buffer.from('Jansen')), `${file} names no camera or owner`);
      const expectedWidth = file === 'share.jpg' ? 1200 : Number(file.split('.')[0]);
      assert.equal(meta.width, expectedWidth, file);
    }
  });

  it('never upscales: a small PNG stays at its own width, transparency on white in the JPEG', async () => {
    const png = await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    const out = path.join(dir, 'klein');
    const made = await makeVariants(png, out);
    assert.deepEqual(made, { width: 300, height: 200, widths: [300], shareWidth: 300, shareHeight: 200 });
    const jpeg = await sharp(path.join(out, variantFile(300, 'jpg')))
      .raw()
      .toBuffer({ resolveWithObject: true });
    assert.deepEqual([...jpeg.data.subarray(0, 3)], [255, 255, 255], 'the transparent corner is white in the JPEG');
    assert.deepEqual(widthsFor(1000), [480, 960, 1000]);
    assert.deepEqual(widthsFor(960), [480, 960]);
  });

  it('applies the EXIF orientation: a portrait shot stored sideways comes out upright', async () => {
    const sideways = await jpegWithGps(800, 400, { orientation: 6 });
    const made = await makeVariants(sideways, path.join(dir, 'staand'));
    assert.deepEqual([made.width, made.height], [400, 800]);
    const meta = await sharp(path.join(dir, 'staand', variantFile(400, 'webp'))).metadata();
    assert.deepEqual([meta.width, meta.height, meta.orientation], [400, 800, undefined]);
  });

  it('refuses bytes that only start like a JPEG, and leaves no folder behind', async () => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
    await assert.rejects(storeVariants(fake, dir, 'a'.repeat(64)), ImageError);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'beelden')), []);
  });

  it('stores the same bytes once, in the folder named by their hash', async () => {
    const upload = await jpegWithGps(600, 400);
    const sha = 'b'.repeat(64);
    await storeVariants(upload, dir, sha);
    await storeVariants(upload, dir, sha);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'beelden')), [sha]);
    assert.ok(fs.existsSync(path.join(variantsDir(dir, sha), '600.webp')));
  });
});

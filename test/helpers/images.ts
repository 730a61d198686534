// Photos made in the tests with sharp: as a phone makes them, with EXIF and GPS data.
import sharp from 'sharp';

/** The GPS IFD pointer tag (0x8825), in either byte order: an EXIF block that has it says where a photo was taken. */
export function hasGpsIfd(exif: Buffer | undefined): boolean {
  return Boolean(exif && [Buffer.from([0x88, 0x25]), Buffer.from([0x25, 0x88])].some((tag) => exif.includes(tag)));
}

/** A JPEG with the camera, the owner and where it was taken (Amsterdam); `orientation` as a phone sets it. */
export async function jpegWithGps(width: number, height: number, extra: { orientation?: number; colour?: string } = {}): Promise<Buffer> {
  let image = sharp({ create: { width, height, channels: 3, background: extra.colour ?? '#3366aa' } }).jpeg({ quality: 90 });
  if (extra.orientation) image = image.withMetadata({ orientation: extra.orientation });
  return image
    .withExif({
      IFD0: { Make: 'Stadscamera', Copyright: 'Fotograaf Jansen' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 22/1 1234/100', GPSLongitudeRef: 'E', GPSLongitude: '4/1 53/1 0/1' },
    })
    .toBuffer();
}

/**
 * A JPEG that compresses like a photo: hundreds of overlapping coloured shapes (edges at every scale)
 * with a fine grain over them. A flat colour would weigh next to nothing; pure noise far more than a photo.
 */
export async function photoLike(width: number, height: number, seed: number): Promise<Buffer> {
  let x = seed;
  const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const shapes: string[] = [];
  for (let i = 0; i < 600; i++) {
    const fill = `rgb(${Math.floor(rnd() * 255)},${Math.floor(rnd() * 255)},${Math.floor(rnd() * 255)})`;
    const w = 10 + rnd() * width * 0.15;
    const h = 10 + rnd() * height * 0.15;
    const opacity = (0.3 + rnd() * 0.7).toFixed(2);
    shapes.push(
      rnd() < 0.5
        ? `<rect x="${rnd() * width}" y="${rnd() * height}" width="${w}" height="${h}" fill="${fill}" opacity="${opacity}"/>`
        : `<ellipse cx="${rnd() * width}" cy="${rnd() * height}" rx="${w / 2}" ry="${h / 2}" fill="${fill}" opacity="${opacity}"/>`,
    );
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#7a8a70"/>${shapes.join('')}</svg>`;
  const grain = await sharp({
    create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 20 } },
  })
    .png()
    .toBuffer();
  return sharp(Buffer.from(svg))
    .composite([{ input: grain, blend: 'overlay' }])
    .jpeg({ quality: 88 })
    .toBuffer();
}

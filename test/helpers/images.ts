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

// Adding, replacing and deleting photos: the variants on disk and the images row changed together,
// and the articles that show a photo rendered again when what they show of it changed.
import type { Deps } from '../deps';
import { HttpError } from '../http/errors';
import { ImageError, removeVariants, storeVariants } from '../images/pipeline';
import {
  deleteImage,
  insertImage,
  replaceImageFile,
  sha256InUse,
  updateImageText,
  type ImageFile,
  type ImageText,
} from '../images/queries';
import { articlesUsingImage, rerenderArticlesShowing } from '../articles/image-uses';
import { removeQuietly } from '../attachments/storage';
import type { CheckedPhotoFile } from './photo-form';

const UNREADABLE_MESSAGE = 'Deze foto kunnen we niet lezen. Is het bestand beschadigd? Probeer een ander bestand.';

/** Makes the variants of a checked upload; its temporary file is gone afterwards. */
async function variantsOf(deps: Deps, file: CheckedPhotoFile): Promise<ImageFile> {
  try {
    const made = await storeVariants(file.tmpPath, deps.config.uploadDir, file.sha256);
    return { ...file, width: made.width, height: made.height, widths: made.widths };
  } catch (err) {
    if (err instanceof ImageError) throw new HttpError(422, UNREADABLE_MESSAGE);
    throw err;
  } finally {
    await removeQuietly(file.tmpPath);
  }
}

export async function addPhoto(deps: Deps, file: CheckedPhotoFile, text: ImageText, uploadedBy: number): Promise<number> {
  const stored = await variantsOf(deps, file);
  return insertImage(deps.db, stored, text, uploadedBy, deps.clock());
}

/** New alt text, caption or credit: the articles that show the photo show the new text. */
export async function changePhotoText(deps: Deps, id: number, text: ImageText): Promise<void> {
  await deps.db.transaction(async (trx) => {
    await updateImageText(trx, id, text, deps.clock());
    await rerenderArticlesShowing(trx, id);
  });
}

/** New bytes for a photo, everywhere it is used: the same references, new variants. */
export async function replacePhoto(deps: Deps, id: number, file: CheckedPhotoFile): Promise<boolean> {
  const stored = await variantsOf(deps, file);
  const left = await deps.db.transaction(async (trx) => {
    const was = await replaceImageFile(trx, id, stored, deps.clock());
    if (was !== null) await rerenderArticlesShowing(trx, id);
    return was;
  });
  if (left === null) {
    if (!(await sha256InUse(deps.db, stored.sha256))) await removeVariants(deps.config.uploadDir, stored.sha256);
    return false;
  }
  if (left !== stored.sha256 && !(await sha256InUse(deps.db, left))) await removeVariants(deps.config.uploadDir, left);
  return true;
}

export const IN_USE_MESSAGE = 'Deze foto wordt nog gebruikt. Haal hem eerst uit de artikelen hieronder; daarna kun je hem verwijderen.';

/** Deletes a photo that no article uses; refuses (409) one that is used. */
export async function deletePhoto(deps: Deps, id: number): Promise<void> {
  const gone = await deps.db.transaction(async (trx) => {
    if ((await articlesUsingImage(trx, id)).length) throw new HttpError(409, IN_USE_MESSAGE);
    const sha256 = await deleteImage(trx, id);
    if (sha256 === null) throw new HttpError(404, 'Deze foto bestaat niet (meer).');
    return (await sha256InUse(trx, sha256)) ? null : sha256;
  });
  if (gone) await removeVariants(deps.config.uploadDir, gone);
}

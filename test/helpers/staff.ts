// The editor's day in a test: the app with its own upload folder and a logged-in editor (`staffApp`), a photo
// uploaded through the media library's form (`uploadPhoto`), an article with a photo in it (`photoArticle`), and,
// in a real browser, an editor logged in with the keyboard (`editorPage`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { Role } from '../../server/accounts/roles';
import type { Config } from '../../server/config';
import type { Db } from '../../server/db/knex';
import type { Article, ArticleInput } from '../../server/articles/queries';
import { createTestApp, type TestApp } from './app';
import { buildArticle, buildUser, TEST_PASSWORD } from './builders';
import { jpegWithGps } from './images';
import { loginAs, type Agent } from './http';
import { keyboardLogin } from './keyboard';

/** A logged-in staff member: an agent and its form token. */
export interface Staff {
  agent: Agent;
  csrf: string;
  email: string;
}

export interface StaffApp {
  t: TestApp;
  /** The app's UPLOAD_DIR, a folder of its own, removed by close(). */
  uploadDir: string;
  editor: Staff;
  close(): Promise<void>;
}

/** The app on a fresh database with its own upload folder, and an editor logged in. */
export async function staffApp(name: string, overrides: Partial<Config> = {}, role: Role = 'editor'): Promise<StaffApp> {
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), `stadslog-${name}-`));
  const t = await createTestApp({ uploadDir, ...overrides });
  const editor = await loginAs(t.app, t.db, role);
  return {
    t,
    uploadDir,
    editor,
    close: async () => {
      await t.close();
      fs.rmSync(uploadDir, { recursive: true, force: true });
    },
  };
}

export interface PhotoFields {
  alt: string;
  bijschrift?: string;
  fotograaf?: string;
  /** The article whose editor uploads it; '' (the default) for the library alone. */
  artikel?: string;
}

/** Uploads a photo as the editor's background form does (JSON answer, 201); its id. A 1600×1000 JPEG unless given. */
export async function uploadPhoto(staff: Staff, fields: PhotoFields, file?: Buffer, filename = 'foto.jpg'): Promise<number> {
  const res = await staff.agent
    .post(`/beheer/media/fotos?_csrf=${encodeURIComponent(staff.csrf)}`)
    .set('Accept', 'application/json')
    .field('alt', fields.alt)
    .field('bijschrift', fields.bijschrift ?? '')
    .field('fotograaf', fields.fotograaf ?? '')
    .field('artikel', fields.artikel ?? '')
    .attach('foto', file ?? (await jpegWithGps(1600, 1000)), { filename, contentType: 'image/jpeg' })
    .expect(201);
  return Number((res.body as { id: number }).id);
}

/** An article, and a photo uploaded from its editor (not yet in its text). */
export async function photoArticle(
  staff: Staff,
  db: Db,
  article: Partial<ArticleInput>,
  photo: PhotoFields & { file?: Buffer; filename?: string },
): Promise<{ article: Article; photoId: number }> {
  const built = await buildArticle(db, article);
  const photoId = await uploadPhoto(staff, { ...photo, artikel: String(built.id) }, photo.file, photo.filename);
  return { article: built, photoId };
}

/** A new staff member logged in with the keyboard in a browser page of its own; the page's script errors collect in `errors`. */
export async function editorPage(
  app: { browser: Browser; server: { baseUrl: string }; t: TestApp },
  role: Role = 'editor',
  context: BrowserContextOptions = {},
): Promise<{ page: Page; errors: string[]; email: string }> {
  const user = await buildUser(app.t.db, role);
  const page = await (await app.browser.newContext(context)).newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await keyboardLogin(page, app.server.baseUrl, user.email, TEST_PASSWORD);
  return { page, errors, email: user.email };
}

// Builders with sensible defaults: a test names only what it is about.
import crypto from 'node:crypto';
import type { Db } from '../../server/db/knex';
import { createArticle, type Article, type ArticleInput } from '../../server/articles/queries';
import { insertReactie, type NewReactie } from '../../server/reacties/queries';
import { createUser, type User } from '../../server/accounts/users';
import type { Role } from '../../server/accounts/roles';

let seq = 0;
const next = () => `${Date.now().toString(36)}${(++seq).toString(36)}`;

export async function buildArticle(db: Db, overrides: Partial<ArticleInput> = {}, now = new Date()): Promise<Article> {
  const n = next();
  return createArticle(
    db,
    {
      title: `Testartikel ${n}`,
      slug: `testartikel-${n}`,
      kind: 'nieuws',
      bodyMarkdown: 'Eerste alinea van het artikel.\n\nTweede alinea.',
      excerptMarkdown: '',
      authorName: 'Redactie',
      status: 'published',
      publishedAt: new Date(now.getTime() - 60_000),
      pinned: false,
      reactiesOpen: true,
      ...overrides,
    },
    null,
    now,
  );
}

/** A stored reactie; `columns` writes raw columns afterwards (a stored verdict, a recheck state) for tests of what reads them. */
export async function buildReactie(
  db: Db,
  article: Pick<Article, 'id'>,
  overrides: Partial<NewReactie> & { columns?: Record<string, unknown> } = {},
  now = new Date(),
): Promise<number> {
  const n = next();
  const { columns, ...fields } = overrides;
  const id = await db.transaction((trx) =>
    insertReactie(
      trx,
      {
        articleId: article.id,
        parentId: null,
        authorName: `Bewoner ${n}`,
        authorEmail: `bewoner-${n}@example.nl`,
        authorUrl: null,
        body: `Een reactie ${n}.`,
        status: 'approved',
        ip: '192.0.2.10',
        userAgent: 'Mozilla/5.0 (test)',
        ...fields,
      },
      now,
    ),
  );
  if (columns) await db('reacties').where({ id }).update(columns);
  return id;
}

/** The input that saves `a` as it is (a test then changes a field or two). */
export function articleInput(a: Article): ArticleInput {
  return {
    title: a.title,
    slug: a.slug,
    kind: a.kind,
    bodyMarkdown: a.bodyMarkdown,
    excerptMarkdown: a.excerptMarkdown,
    authorName: a.authorName,
    status: a.status,
    publishedAt: a.publishedAt,
    pinned: a.pinned,
    reactiesOpen: a.reactiesOpen,
  };
}

export const TEST_PASSWORD = 'een-heel-lang-testwachtwoord';

export async function buildUser(
  db: Db,
  role: Role,
  overrides: Partial<{ email: string; name: string; password: string }> = {},
): Promise<User> {
  return createUser(db, {
    email: overrides.email ?? `${role}-${next()}@stadslog.test`,
    name: overrides.name ?? `Test ${role}`,
    role,
    password: overrides.password ?? TEST_PASSWORD,
  });
}

export function uniqueEmail(): string {
  return `uniek-${crypto.randomBytes(6).toString('hex')}@voorbeeld.nl`;
}

/**
 * `count` approved (or `status`) reacties under an article in one INSERT, as an import writes many at once:
 * readers "Lezer N" with addresses of their own, each with `body` (PostgreSQL: generate_series).
 */
export function insertReactiesInBulk(db: Db, articleId: number, count: number, body: string, status = 'approved') {
  return db.raw(
    `insert into reacties (article_id, author_name, author_email, author_email_key, body, body_html, status, created_at, status_changed_at)
      select ?, 'Lezer ' || n, 'lezer' || n || '@example.nl', 'sleutel' || n, ?, ?, ?, current_timestamp, current_timestamp
      from generate_series(1, ?) as n`,
    [articleId, body, `<p>${body}</p>`, status, count],
  );
}

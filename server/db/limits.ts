// The sizes of the varchar columns that hold what people type, as the migrations declare them.
//
// Migrations never import app code, so this is the app's copy of those numbers: forms take their
// maxima from here (or stay below them), and test/http/input-limits.test.ts reads the real schema
// and fails when this file and the database disagree.
//
// The unit is the one PostgreSQL counts for varchar(n): characters, i.e. Unicode code points
// (an emoji is one, a CR LF pair is two). SQLite stores any length, so only PostgreSQL refuses an
// overlong value — with an error, which would be a 500 for the person who typed it. Validate the
// value exactly as it will be stored (after normalising, lower-casing, adding "https://", …).
export const COLUMN_LIMITS = {
  users: {
    email: 254, // stored lower-cased (normalizeEmail)
    name: 100,
  },
  articles: {
    slug: 120, // the form allows ARTICLE_LIMITS.slug, leaving room for a "-2", "-3", … suffix
    title: 200,
    author_name: 100,
  },
  reacties: {
    author_name: 100,
    author_email: 254,
    author_email_key: 254, // emailKey(author_email): lower-cased, and "İ" grows to two code points
    author_url: 200,
    user_agent: 500, // the request header, cut by the reactie route
  },
  pages: {
    title: 200,
  },
  dossiers: {
    slug: 120, // the form allows DOSSIER_LIMITS.slug, leaving room for a "-2", "-3", … suffix
    title: 200,
  },
  tags: {
    slug: 120, // made from the name (100), with room for a "-2" suffix
    name: 100,
  },
  article_attachments: {
    title: 200,
    original_name: 255, // the uploaded file's name, cut to fit
  },
  images: {
    original_name: 255, // the uploaded file's name, cut to fit
    alt: 300,
    caption: 500,
    credit: 200,
  },
  address_rules: {
    reason: 500, // a moderator's reason for holding or blocking an address
  },
  article_fields: {
    value: 500, // one value of a document's field (one line; a list has a row per value)
  },
  document_questions: {
    label: 20, // a question's own label ("5a", "A1", "2 en 3")
  },
  audit_log: {
    actor: 254, // an account's e-mail, or the address typed in a failed login (cut to fit)
  },
  subscriptions: {
    email: 254, // the reactie's address, checked by the reactie form
    email_key: 254,
  },
  news_subscribers: {
    email: 254, // checked by the form on /nieuwsbrief (checkEmail)
    email_key: 254,
  },
  mail_queue: {
    to: 254,
    to_key: 254,
    about_key: 254,
    subject: 300, // a name (100) and an article title (200) with some words: cut to fit (enqueueMail)
    last_error: 500, // the SMTP server's answer, cut to fit
  },
} as const;

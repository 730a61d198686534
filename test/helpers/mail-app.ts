// The app with its mail going to a real SMTP server of our own on 127.0.0.1, an article to react
// under and a logged-in moderator to approve: what the tests of the mails a resident gets share.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from './app';
import { buildArticle } from './builders';
import { loginAs, postReactieForm, type Agent } from './http';
import { startFakeSmtp, type FakeSmtp } from './fake-smtp';
import { articlePath, type Article } from '../../server/articles/queries';
import { createTransport, type MailTransport } from '../../server/notifications/transport';

export interface MailApp {
  smtp: FakeSmtp;
  t: TestApp;
  transport: MailTransport;
  article: Article;
  moderator: { agent: Agent; csrf: string };
}

export async function startMailApp(articleTitle: string): Promise<MailApp> {
  const smtp = await startFakeSmtp();
  const t = await createTestApp({ mail: { smtpUrl: smtp.url, from: 'Stadslog <noreply@stadslog.test>', outboxDir: '/nonexistent' } });
  const transport = createTransport(t.deps.config.mail);
  const article = await buildArticle(t.db, { title: articleTitle });
  const moderator = await loginAs(t.app, t.db, 'moderator');
  return { smtp, t, transport, article, moderator };
}

export async function closeMailApp(m: Pick<MailApp, 'smtp' | 't' | 'transport'>): Promise<void> {
  m.transport.close();
  await m.smtp.close();
  await m.t.close();
}

/** A new reader posts a reactie under the article; its id. */
export async function postOnArticle(m: Pick<MailApp, 't' | 'article'>, fields: Parameters<typeof postReactieForm>[2]): Promise<number> {
  const res = await postReactieForm(request.agent(m.t.app), articlePath(m.article), fields);
  assert.equal(res.status, 303, res.text);
  return Number(/#reactie-(\d+)$/.exec(res.headers.location)![1]);
}

/** The moderator approves a reactie from the queue. */
export async function approveAsModerator(m: Pick<MailApp, 'moderator'>, id: number): Promise<void> {
  await m.moderator.agent.post(`/beheer/reacties/${id}/goedkeuren`).type('form').send({ _csrf: m.moderator.csrf }).expect(303);
}

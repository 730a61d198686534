// Talking to the app as a browser would: forms with their tokens, logged-in agents.
import request from 'supertest';
import type { Express } from 'express';
import type { Role } from '../../server/accounts/roles';
import type { Db } from '../../server/db/knex';
import { buildUser, TEST_PASSWORD } from './builders';
import { formFromSettings } from '../../server/settings/form';
import { DEFAULT_SETTINGS } from '../../server/settings/settings';

export type Agent = ReturnType<typeof request.agent>;

/** The value of a hidden input in an HTML page. */
export function hiddenInput(html: string, name: string): string {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!m) throw new Error(`no hidden input ${name} in page`);
  return m[1];
}

export async function loginAs(app: Express, db: Db, role: Role): Promise<{ agent: Agent; csrf: string; email: string }> {
  const user = await buildUser(db, role);
  const agent = request.agent(app);
  const page = await agent.get('/beheer/inloggen').expect(200);
  await agent
    .post('/beheer/inloggen')
    .type('form')
    .send({ _token: hiddenInput(page.text, '_token'), email: user.email, wachtwoord: TEST_PASSWORD, terug: '/beheer' })
    .expect(303);
  const dashboard = await agent.get('/beheer').expect(200);
  return { agent, csrf: hiddenInput(dashboard.text, '_csrf'), email: user.email };
}

let reactieSeq = 0;

/** Posts the reactie form of an article as a resident would, token taken from the page (unique text by default). */
export async function postReactieForm(
  agent: Agent,
  articlePath: string,
  fields: Partial<
    Record<'naam' | 'email' | 'website' | 'reactie' | 'antwoord_op' | 'onthoud' | 'meld_antwoorden' | 'meld_artikel', string>
  >,
) {
  const page = await agent.get(articlePath).expect(200);
  return agent
    .post(`${articlePath}/reacties`)
    .type('form')
    .send({
      _token: hiddenInput(page.text, '_token'),
      naam: 'Jan Bewoner',
      email: 'jan@example.nl',
      website: '',
      reactie: `Goed stuk! (${++reactieSeq})`,
      antwoord_op: '',
      ...fields,
    });
}

/** The settings form as the page fills it with the defaults, with some fields changed. */
export function settingsFormWith(changes: Record<string, string> = {}): Record<string, string> {
  return { ...formFromSettings(DEFAULT_SETTINGS), ...changes };
}

/** An admin saves the settings form on /beheer/instellingen, the defaults with these fields changed (303). */
export async function saveSettingsForm(app: Express, db: Db, changes: Record<string, string>): Promise<void> {
  const admin = await loginAs(app, db, 'admin');
  const page = await admin.agent.get('/beheer/instellingen').expect(200);
  await admin.agent
    .post('/beheer/instellingen')
    .type('form')
    .send({ ...settingsFormWith(changes), _csrf: hiddenInput(page.text, '_csrf') })
    .expect(303);
}

/** The article editor's fields as a new published article sends them, apart from its title, kind and text. */
export const ARTICLE_FORM = {
  slug: '',
  samenvatting: '',
  auteur: 'Redactie',
  status: 'published',
  publicatietijd: '',
  reacties_open: 'ja',
  actie: 'opslaan',
};

// The paste-import's suggestions over HTTP: a value the recogniser does not fill in (its kind of evidence was too
// often wrong) is shown next to its empty field as "Voorstel: … — Overnemen", and the button, without JavaScript,
// brings the form back with the field filled in; a field without a suggestion gets a Dutch message and a 422.
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../helpers/app';
import { loginAs, type Agent } from '../helpers/http';
import { formBody, formFields } from '../helpers/form';
import { BANKJES_MOTIE } from '../helpers/documents';

const IMPORT = '/beheer/artikelen/importeren';
const FIELD = 'doc__motie__onderwerp';

const valueOf = (html: string, name: string) => new Map(formFields(html)).get(name);

describe('articles: a recognition’s suggestions, taken over in one click', () => {
  let t: TestApp;
  let ed: { agent: Agent; csrf: string };
  before(async () => {
    t = await createTestApp();
    ed = await loginAs(t.app, t.db, 'chief');
  });
  after(async () => t.close());

  const send = (html: string, changes: Record<string, string>) =>
    ed.agent
      .post('/beheer/artikelen')
      .type('form')
      .send(formBody(formFields(html), changes));

  it('shows the title line next to the empty onderwerp and fills the field in when it is taken over', async () => {
    const first = await ed.agent.post(IMPORT).type('form').send({ _csrf: ed.csrf, tekst: BANKJES_MOTIE });
    assert.equal(first.status, 200, first.text.slice(0, 500));
    assert.equal(valueOf(first.text, FIELD), '');
    assert.match(
      first.text,
      /Voorstel: <strong>Bankjes in het Wilhelminapark<\/strong>\s*<span class="form-note">\(uit de titelregel \(regel 1\)/,
    );
    assert.match(first.text, new RegExp(`<button type="submit" name="actie" value="overnemen:${FIELD}"[^>]*>Overnemen`));
    assert.match(first.text, new RegExp(`voorgesteld bij het veld[^<]*<a href="#${FIELD}">Onderwerp</a>`));

    const taken = await send(first.text, { actie: `overnemen:${FIELD}`, titel: 'Motie bankjes' });
    assert.equal(taken.status, 200, taken.text.slice(0, 500));
    assert.equal(valueOf(taken.text, FIELD), 'Bankjes in het Wilhelminapark');
    assert.doesNotMatch(taken.text, /Voorstel: <strong>Bankjes/);
    // The rest of the form is as the editor left it, and nothing was saved.
    assert.equal(valueOf(taken.text, 'titel'), 'Motie bankjes');
    assert.equal(valueOf(taken.text, 'doc__motie__datum'), '2023-07-03');
    assert.equal(((await t.db('articles').count({ n: '*' }).first()) as { n: number | string }).n, 0);

    // Taken over, the value is the editor's own: it stays when the text is recognised again.
    const again = await send(taken.text, { actie: 'herkennen' });
    assert.equal(again.status, 200, again.text.slice(0, 500));
    assert.equal(valueOf(again.text, FIELD), 'Bankjes in het Wilhelminapark');
  });

  it('refuses to take over a suggestion the recognition does not make, in Dutch', async () => {
    const first = await ed.agent.post(IMPORT).type('form').send({ _csrf: ed.csrf, tekst: BANKJES_MOTIE });
    const res = await send(first.text, { actie: 'overnemen:doc__motie__kenmerk' });
    assert.equal(res.status, 422);
    assert.match(res.text, /Voor dit veld is er geen voorstel \(meer\)\. Vul het zelf in\./);
    assert.equal(valueOf(res.text, 'doc__motie__kenmerk'), '');
  });
});

// The document card's words: the meeting a document was discussed in as one sentence, however much
// of it the editor filled in.
import assert from 'node:assert/strict';
import { meetingOf } from '../../server/documents/card';

describe('documents: the meeting sentence', () => {
  const today = '2018-02-01';
  const say = (fields: Record<string, string>) => meetingOf(fields, today)?.text ?? null;

  it('says where, when and under which agenda item, with "de" once', () => {
    assert.equal(
      say({ vergadering: 'commissie Maatschappij', vergaderdatum: '2018-01-15', agendapunt: '4' }),
      'Besproken in de commissie Maatschappij van 15 januari 2018, agendapunt 4',
    );
    assert.equal(say({ vergadering: 'De gemeenteraad', vergaderdatum: '2018-01-25' }), 'Besproken in de gemeenteraad van 25 januari 2018');
    assert.equal(say({ vergadering: 'het presidium' }), 'Besproken in het presidium');
    assert.equal(
      say({ vergaderdatum: '2018-01-15', agendapunt: 'punt 7b' }),
      'Besproken in de vergadering van 15 januari 2018, agendapunt 7b',
    );
    assert.equal(say({ agendapunt: '4' }), 'Besproken onder agendapunt 4');
  });

  it('puts a meeting still to come on the agenda, and says nothing without a meeting', () => {
    assert.equal(
      say({ vergadering: 'commissie Ruimte', vergaderdatum: '2018-02-12' }),
      'Op de agenda van de commissie Ruimte van 12 februari 2018',
    );
    assert.equal(say({ vergadering: 'commissie Ruimte', vergaderdatum: today }), 'Besproken in de commissie Ruimte van 1 februari 2018');
    assert.equal(say({ onderwerp: 'Iets' }), null);
  });
});

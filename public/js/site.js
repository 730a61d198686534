// Progressive enhancement for the reactie form. Everything works without this file:
// "Beantwoorden" is a link that renders the form under the reactie.
(function () {
  'use strict';

  function formSection() {
    return document.getElementById('reageer');
  }

  function setReplyState(section, parentId, name) {
    var input = section.querySelector('#antwoord_op');
    var heading = section.querySelector('#reageer-kop');
    var cancel = section.querySelector('.cancel-reply');
    if (input) input.value = parentId || '';
    if (heading) heading.textContent = parentId ? 'Reageer op ' + (name || 'deze reactie') : 'Geef een reactie';
    if (cancel) cancel.classList.toggle('hidden', !parentId);
  }

  // A form that came back with errors has an error summary above it. Autofocus brings most browsers
  // there without this script; here every browser gets focus on it and the form in view.
  function showErrorSummary() {
    var summary = document.querySelector('.error-summary');
    if (!summary) return;
    summary.focus({ preventScroll: true });
    (summary.closest('.reactie-form-wrap') || summary).scrollIntoView({ block: 'start' });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', showErrorSummary);
  else showErrorSummary();

  // After "Plaats reactie" the article opens at the new reactie (#reactie-N): focus goes to its
  // message ("wacht op goedkeuring"), or to the reactie itself, so a screen reader says what happened
  // and Tab goes on from there. Only after a post from this tab (a flag set on submit), not on every
  // permalink a reader follows. At "load", not before: Chromium applies the #fragment after the
  // document is parsed and takes focus away from anything focused before that.
  var POSTED_KEY = 'stadslog-reactie-geplaatst';
  function showPostedReactie() {
    var posted = null;
    try {
      posted = window.sessionStorage.getItem(POSTED_KEY);
      window.sessionStorage.removeItem(POSTED_KEY);
    } catch (e) {
      return; // storage refused (a strict privacy mode): the page still opens at the reactie
    }
    if (!posted || !/^#reactie-\d+$/.test(window.location.hash)) return;
    var item = document.getElementById(window.location.hash.slice(1));
    if (!item) return;
    var message = item.querySelector(':scope > article .pending-notice') || item.querySelector(':scope > article');
    if (!message) return;
    message.setAttribute('tabindex', '-1');
    message.focus({ preventScroll: true });
  }
  if (document.readyState === 'complete') showPostedReactie();
  else window.addEventListener('load', showPostedReactie);

  // After "Reactie intrekken" the article opens at the message that says so (#ingetrokken): focus
  // goes there, so a screen reader reads it and Tab goes on from there. At "load", as above.
  function showWithdrawn() {
    if (window.location.hash !== '#ingetrokken') return;
    var message = document.getElementById('ingetrokken');
    if (message) message.focus({ preventScroll: true });
  }
  if (document.readyState === 'complete') showWithdrawn();
  else window.addEventListener('load', showWithdrawn);

  // The first field a resident still has to fill in: the name, or (when the browser remembered the
  // name and address) the reactie itself. The honeypot and the optional website are skipped.
  function firstFieldToFill(section) {
    var fields = section.querySelectorAll('.field input[required], .field textarea');
    for (var i = 0; i < fields.length; i++) {
      if (!fields[i].value) return fields[i];
    }
    return section.querySelector('textarea');
  }

  // The "Beantwoorden" link of the reactie the form is now under, for focus to return to.
  function replyLinkOf(section) {
    var input = section.querySelector('#antwoord_op');
    var item = input && input.value && document.getElementById('reactie-' + input.value);
    return item ? item.querySelector(':scope > article .reply-link') : null;
  }

  // "Annuleer antwoord" or Escape: the form goes back under the article, and focus returns to the
  // "Beantwoorden" link it came from (or to the form's heading when there is none).
  function cancelReply() {
    var home = document.getElementById('reageer-plek');
    var form = formSection();
    if (!home || !form) return false;
    var link = replyLinkOf(form);
    home.appendChild(form);
    setReplyState(form, '', '');
    if (link) {
      link.focus();
    } else {
      var heading = form.querySelector('#reageer-kop');
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
    return true;
  }

  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    var form = formSection();
    var target = event.target;
    if (!form || !(target instanceof Node) || !form.contains(target) || !replyLinkOf(form)) return;
    if (cancelReply()) event.preventDefault();
  });

  document.addEventListener('submit', function (event) {
    if (!(event.target instanceof Element) || !event.target.classList.contains('reactie-form')) return;
    try {
      window.sessionStorage.setItem(POSTED_KEY, '1');
    } catch (e) {
      // no storage: focus simply stays where the browser puts it
    }
  });

  document.addEventListener('click', function (event) {
    var target = event.target;
    if (!(target instanceof Element)) return;

    // A link in the error summary: focus the field, with its label in view (a plain #link would
    // scroll the label off the top of the screen).
    var fieldLink = target.closest('.error-summary a[href^="#"]');
    if (fieldLink) {
      var field = document.getElementById(fieldLink.getAttribute('href').slice(1));
      if (!field) return; // fall back to the link
      event.preventDefault();
      var label = document.querySelector('label[for="' + field.id + '"]');
      (label || field).scrollIntoView({ block: 'start' });
      field.focus({ preventScroll: true });
      return;
    }

    var reply = target.closest('.reply-link');
    if (reply) {
      var section = formSection();
      var item = document.getElementById('reactie-' + reply.getAttribute('data-reply-to'));
      if (!section || !item) return; // fall back to the link
      event.preventDefault();
      var article = item.querySelector(':scope > article');
      item.insertBefore(section, article ? article.nextSibling : item.firstChild);
      setReplyState(section, reply.getAttribute('data-reply-to'), reply.getAttribute('data-reply-name'));
      var first = firstFieldToFill(section);
      if (first) first.focus();
      return;
    }

    if (target.id === 'annuleer-antwoord' && cancelReply()) event.preventDefault();
  });

  // One click, one reactie: a double click must not post twice.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    // A search (GET) may be repeated, also from a page the back button brought back.
    if (form.method.toLowerCase() === 'get') return;
    if (form.getAttribute('data-submitted') === 'ja') {
      event.preventDefault();
      return;
    }
    form.setAttribute('data-submitted', 'ja');
    var button = form.querySelector('button[type="submit"]');
    if (button) button.setAttribute('aria-disabled', 'true');
  });

  // A confirmation for destructive beheer actions (permanent delete), declared in the HTML.
  document.addEventListener(
    'submit',
    function (event) {
      var form = event.target;
      if (!(form instanceof HTMLFormElement)) return;
      var submitter = event.submitter;
      var question = (submitter && submitter.getAttribute('data-confirm')) || form.getAttribute('data-confirm');
      // A bulk form asks only for the one destructive choice in its select.
      var onlyFor = form.getAttribute('data-confirm-action');
      if (onlyFor && form.elements.namedItem('actie') && form.elements.namedItem('actie').value !== onlyFor) question = null;
      if (question && !window.confirm(question)) {
        event.preventDefault();
        event.stopImmediatePropagation();
        form.removeAttribute('data-submitted');
      }
    },
    true,
  );

  // A link to a reactie in a folded branch ("toon N antwoorden"): open the branch and bring it into
  // view. The server already renders it open for ?reactie=ID; this covers a bare #reactie-ID.
  function openTarget() {
    var id = window.location.hash.slice(1);
    var target = id && document.getElementById(id);
    if (!target || !target.closest('.thread')) return;
    var folded = false;
    for (var d = target.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) {
      if (!d.open) {
        d.open = true;
        folded = true;
      }
    }
    if (folded) target.scrollIntoView({ block: 'start' });
  }
  window.addEventListener('hashchange', openTarget);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', openTarget);
  else openTarget();
})();

// The article editor: only the chosen document type's fields are shown (the others stay in the
// form, so nothing typed is lost when the editor switches type).
(function () {
  'use strict';
  var select = document.getElementById('soort');
  if (!select) return;
  function show() {
    var fieldsets = document.querySelectorAll('[data-document-type]');
    for (var i = 0; i < fieldsets.length; i++) {
      fieldsets[i].hidden = fieldsets[i].getAttribute('data-document-type') !== select.value;
    }
  }
  select.addEventListener('change', show);
  show();
})();

// The moderation queue with a keyboard and without reloads: j/k move, a/s/t approve, mark as spam
// or trash the current reactie, 1 to 9 take it off the page with a removal reason; a decision is
// sent in the background, the reactie leaves the list and the tab counts follow. Without this script every button is a plain form that reloads.
(function () {
  'use strict';
  var queue = document.querySelector('[data-queue]');
  if (!queue) return;
  var legend = document.querySelector('.shortcut-legend');
  if (legend) legend.hidden = false;
  var status = document.getElementById('queue-status');
  var numbers = new Intl.NumberFormat('nl-NL');
  var current = null;

  function items() {
    return Array.prototype.slice.call(queue.querySelectorAll('.queue-item'));
  }

  function select(item) {
    if (current) current.classList.remove('is-current');
    current = item || null;
    if (!current) {
      // The last reactie left the list: focus goes to the message that says so, not to nowhere.
      if (status && document.activeElement === document.body) {
        status.setAttribute('tabindex', '-1');
        status.focus();
      }
      return;
    }
    current.classList.add('is-current');
    current.setAttribute('tabindex', '-1');
    current.focus({ preventScroll: true });
    current.scrollIntoView({ block: 'nearest' });
  }

  function move(step) {
    var list = items();
    if (list.length === 0) return;
    var at = list.indexOf(current);
    select(list[Math.max(0, Math.min(list.length - 1, at === -1 ? 0 : at + step))]);
  }

  function say(text) {
    if (status) status.textContent = text;
  }

  function refreshCounts() {
    fetch('/beheer/reacties/aantallen' + window.location.search, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (res) {
        return res.ok ? res.json() : null;
      })
      .then(function (counts) {
        if (!counts) return;
        Object.keys(counts).forEach(function (key) {
          var el = document.querySelector('[data-count="' + key + '"] .count');
          if (el) el.textContent = numbers.format(counts[key]);
        });
      })
      .catch(function () {});
  }

  function removeItem(item) {
    var list = items();
    var next = list[list.indexOf(item) + 1] || list[list.indexOf(item) - 1];
    var id = item.getAttribute('data-reactie-id');
    // "Alles op deze pagina als spam" covers only the reacties still on the page.
    var hidden = document.querySelector('input[data-page-id="' + id + '"]');
    if (hidden) hidden.parentNode.removeChild(hidden);
    var pageCount = document.querySelector('[data-page-count]');
    if (pageCount) pageCount.textContent = String(document.querySelectorAll('input[data-page-id]').length);
    var wasCurrent = item === current;
    item.parentNode.removeChild(item);
    if (wasCurrent) select(next);
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || event.defaultPrevented) return;
    // A decision is a form of its own (data-moderation) or a button of the reactie's form with its own address.
    var submitter = event.submitter;
    var byButton = submitter && submitter.hasAttribute('data-moderation') && submitter.hasAttribute('formaction');
    if (!byButton && !form.hasAttribute('data-moderation')) return;
    var item = form.closest('.queue-item');
    if (!item || !window.fetch) return;
    event.preventDefault();
    var address = byButton ? submitter.formAction : form.action;
    fetch(address, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(new FormData(form)).toString(),
    })
      .then(function (res) {
        return res.json().then(function (answer) {
          return { ok: res.ok, answer: answer };
        });
      })
      .then(function (reply) {
        form.removeAttribute('data-submitted');
        say(reply.answer.message);
        if (reply.ok) removeItem(item);
        refreshCounts();
      })
      .catch(function () {
        // Not JSON (a login page, a proxy error): let the browser send the form itself, to the button's address.
        form.action = address;
        form.submit();
      });
  });

  var KEYS = { a: 'goedkeuren', s: 'spam', t: 'prullenbak' };
  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    var target = event.target;
    if (target instanceof Element && target.closest('input, textarea, select, [contenteditable]')) return;
    if (event.key === 'j' || event.key === 'k') {
      event.preventDefault();
      move(event.key === 'j' ? 1 : -1);
      return;
    }
    // 1 to 9: take the current reactie off the page with that removal reason of the settings.
    if (/^[1-9]$/.test(event.key) && queue.querySelector('[data-moderation="reden"]')) {
      if (!current) return select(items()[0]);
      var quick = current.querySelector('[data-moderation="reden"]');
      var reasons = current.querySelector('select[name="weghaalreden"]');
      var choice = quick && reasons && reasons.querySelector('option[value="' + event.key + '"]');
      if (!choice) return say('Dat kan niet bij deze reactie.');
      event.preventDefault();
      reasons.value = event.key;
      if (quick instanceof HTMLFormElement) quick.requestSubmit();
      else quick.click();
      return;
    }
    // A queue may give a key its own action (data-key: the Meldingen queue's a keeps, w removes with a reason).
    var keyed = '[data-key="' + event.key + '"]';
    var action = KEYS[event.key];
    if (!action && !queue.querySelector(keyed)) return;
    if (!current) return select(items()[0]);
    var form = current.querySelector(keyed) || (action && current.querySelector('[data-moderation="' + action + '"]'));
    if (!form) return say('Dat kan niet bij deze reactie.');
    event.preventDefault();
    if (form instanceof HTMLFormElement) form.requestSubmit();
    else form.click();
  });

  queue.addEventListener('click', function (event) {
    var item = event.target instanceof Element && event.target.closest('.queue-item');
    if (item && item !== current) {
      if (current) current.classList.remove('is-current');
      current = item;
      item.classList.add('is-current');
    }
  });

  // Others moderate at the same time: the counts follow them too.
  setInterval(function () {
    if (document.visibilityState === 'visible') refreshCounts();
  }, 30000);
})();

// "Waarderen" under a reactie without a reload: the button posts the page's one form (form="waarderen",
// formaction per reactie) as it would without this script, asks for JSON, and shows the new count and
// state; the page's status line says what happened, for screen readers. Focus stays on the button.
// On any failure the form is simply submitted, and the server answers with a page.
(function () {
  'use strict';
  var status = document.getElementById('waardering-status');
  if (!status || !window.fetch) return;
  document.addEventListener('click', function (event) {
    var button = event.target instanceof Element && event.target.closest('.waardering-button');
    if (!button || !button.form || event.defaultPrevented) return;
    event.preventDefault();
    if (button.getAttribute('aria-busy') === 'true') return;
    var form = button.form;
    var body = new URLSearchParams();
    body.set('_token', form.elements.namedItem('_token').value);
    body.set(button.name, button.value);
    button.setAttribute('aria-busy', 'true');
    window
      .fetch(button.getAttribute('formaction'), {
        method: 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
      })
      .then(function (response) {
        return response.json().then(function (data) {
          return { ok: response.ok, data: data };
        });
      })
      .then(function (answer) {
        button.removeAttribute('aria-busy');
        if (!answer.ok) {
          status.textContent = answer.data && answer.data.error ? answer.data.error : 'Dat lukte niet. Probeer het nog eens.';
          return;
        }
        var count = document.getElementById(button.getAttribute('aria-describedby'));
        if (count) count.textContent = answer.data.label;
        button.setAttribute('aria-pressed', answer.data.active ? 'true' : 'false');
        button.value = answer.data.active ? 'intrekken' : 'waarderen';
        status.textContent = answer.data.message;
      })
      .catch(function () {
        button.removeAttribute('aria-busy');
        form.requestSubmit(button);
      });
  });
})();

// The import's review step sits inside the article form, whose first button saves: Enter in one of
// the review's number boxes recognises the text again instead, as its own button does.
(function () {
  'use strict';
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter' || event.defaultPrevented) return;
    var target = event.target;
    if (!(target instanceof HTMLInputElement) || !target.form || !target.closest('.import-review')) return;
    var button = document.getElementById('herkennen');
    if (!button) return;
    event.preventDefault();
    target.form.requestSubmit(button);
  });
})();

// A suggestion of the paste-import beside its empty field (views/documents/suggestion.ejs): "Overnemen" fills the
// field here instead of sending the form (which does the same on the server without this script).
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var button = event.target instanceof Element ? event.target.closest('button[data-overnemen]') : null;
    if (!button || !button.form) return;
    var input = button.form.elements.namedItem(button.getAttribute('data-overnemen'));
    if (!(input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement)) return;
    event.preventDefault();
    input.value = button.getAttribute('data-waarde') || '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    var note = button.closest('.field-suggestion');
    if (note) note.remove();
    input.focus();
  });
})();

// Autosave of the article editor (server/revisions/drafts.ts): a few seconds after typing, what is in
// the form is sent to the server, per user, so a crash or a lost session loses nothing; opening the
// article again offers it back. Saving the article removes it. Without this script nothing is sent.
(function () {
  'use strict';
  // A save refused because someone else saved first: focus on the message, so it is read before the form.
  var conflict = document.getElementById('conflict');
  if (conflict) conflict.focus();
  var form = document.querySelector('form[data-autosave]');
  if (!form || !window.fetch || !window.FormData || !window.URLSearchParams) return;
  var status = document.getElementById('autosave-status');
  var dirty = false;
  var busy = false;
  var EVERY_MS = 5000;
  function say(text) {
    if (status) status.textContent = text;
  }
  function changed() {
    dirty = true;
  }
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', function () {
    dirty = false;
  });
  function send() {
    if (!dirty || busy) return;
    dirty = false;
    busy = true;
    var data = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (typeof value === 'string') data.append(name, value);
    });
    data.set('artikel', form.getAttribute('data-autosave-article') || '');
    fetch(form.getAttribute('data-autosave'), { method: 'POST', body: data, credentials: 'same-origin', redirect: 'manual' })
      .then(function (res) {
        if (res.status === 204) {
          var now = new Date();
          say('Automatisch bewaard om ' + now.toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' }) + '.');
        } else {
          dirty = true;
          say(
            'Niet automatisch bewaard: je bent misschien niet meer ingelogd. Log in een ander tabblad opnieuw in; je tekst hier blijft staan.',
          );
        }
      })
      .catch(function () {
        dirty = true;
        say('Niet automatisch bewaard: geen verbinding met de server. Je tekst hier blijft staan.');
      })
      .then(function () {
        busy = false;
      });
  }
  setInterval(send, EVERY_MS);
})();

// Live updates on an article page (server/live/): an event stream says which reacties appeared,
// changed or went. New ones wait behind one button ("3 nieuwe reacties — tonen") and are inserted in
// their threads when the reader asks, focus on the first of them; a changed one is replaced in place
// and a removed one at once, the reader's place on the page kept. The screen reader hears it politely
// (#live-status). The HTML comes from the server's own template (/artikel/:id/live/reacties). The
// heading's count follows, and so does the "Uitgelicht door de redactie" block. The stream starts
// where the page was read (data-live-na), so a reactie placed meanwhile is not lost.
// Without this script the page is as it was; so is the page the cache keeps.
(function () {
  'use strict';
  var section = document.querySelector('section[data-live]');
  if (!section || !window.EventSource || !window.fetch) return;
  var base = section.getAttribute('data-live');
  var where = section.getAttribute('data-live-draad');
  var numbers = new Intl.NumberFormat('nl-NL');
  var pending = [];
  var lastId = section.getAttribute('data-live-na');
  var bar = null;
  var button = null;
  var outdated = false;
  var sayTimer = null;

  var status = document.createElement('p');
  status.id = 'live-status';
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  section.appendChild(status);

  function say(text) {
    status.textContent = text;
  }

  function newLabel(n) {
    return n === 1 ? '1 nieuwe reactie' : numbers.format(n) + ' nieuwe reacties';
  }

  function itemOf(id) {
    return document.getElementById('reactie-' + id);
  }

  function isPending(id) {
    for (var i = 0; i < pending.length; i++) if (pending[i].id === id) return true;
    return false;
  }

  // A new thread goes on this page only when it is the discussion's last; a reply where its reactie is.
  function placeable(parentId) {
    if (parentId === null) return where !== 'nee';
    return Boolean(itemOf(parentId)) || isPending(parentId);
  }

  function showBar() {
    if (!bar) {
      bar = document.createElement('div');
      bar.className = 'live-nieuw';
      button = document.createElement('button');
      button.type = 'button';
      button.className = 'live-toon';
      button.addEventListener('click', function () {
        if (outdated) window.location.reload();
        else showPending();
      });
      bar.appendChild(button);
      var heading = document.getElementById('reacties-kop');
      heading.parentNode.insertBefore(bar, heading.nextSibling);
    }
    bar.hidden = !outdated && pending.length === 0;
    button.textContent = outdated ? 'Er is veel veranderd — pagina vernieuwen' : newLabel(pending.length) + ' — tonen';
  }

  // Several reacties in a row are announced once, a moment after the last.
  function announceNew() {
    clearTimeout(sayTimer);
    sayTimer = setTimeout(function () {
      if (pending.length) say(newLabel(pending.length) + '. Kies de knop “tonen” bij het begin van de reacties om ze te lezen.');
    }, 1500);
  }

  // The first reactie (or placeholder) still in view: its place on the screen stays where it is.
  function keepPlace(change) {
    var anchor = null;
    var shown = section.querySelectorAll('li.reactie > article, li.reactie > p');
    for (var i = 0; i < shown.length; i++) {
      if (shown[i].getBoundingClientRect().bottom > 0) {
        anchor = shown[i];
        break;
      }
    }
    var before = anchor ? anchor.getBoundingClientRect().top : 0;
    change();
    if (anchor && document.documentElement.contains(anchor)) window.scrollBy(0, anchor.getBoundingClientRect().top - before);
  }

  function fetchReacties(ids) {
    return window
      .fetch(base + '/reacties?ids=' + ids.join(','), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (res) {
        return res.ok ? res.json() : { reacties: [] };
      })
      .then(function (data) {
        return data.reacties.map(function (r) {
          var holder = document.createElement('ol');
          holder.innerHTML = r.html;
          return { id: r.id, parent: r.antwoordOp, item: holder.firstElementChild };
        });
      });
  }

  function threadList() {
    var list = section.querySelector('ol.thread');
    if (list) return list;
    list = document.createElement('ol');
    list.className = 'thread';
    var before = document.getElementById('reageer-plek') || section.querySelector('.closed') || document.getElementById('waarderen');
    section.insertBefore(list, before);
    return list;
  }

  function place(r) {
    if (itemOf(r.id)) return false;
    if (r.parent === null) {
      var thread = threadList();
      if (where === 'boven') thread.insertBefore(r.item, thread.firstChild);
      else thread.appendChild(r.item);
      return true;
    }
    var parent = itemOf(r.parent);
    if (!parent) return false;
    var list = parent.querySelector(':scope > ol.children, :scope > details > ol.children');
    if (!list) {
      list = document.createElement('ol');
      list.className = 'children';
      parent.appendChild(list);
    }
    list.appendChild(r.item);
    for (var d = r.item.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) d.open = true;
    return true;
  }

  function showPending() {
    var batch = pending.splice(0, 50);
    if (!batch.length) return;
    fetchReacties(
      batch.map(function (p) {
        return p.id;
      }),
    )
      .then(function (found) {
        found.sort(function (a, b) {
          return a.id - b.id;
        });
        var placed = [];
        keepPlace(function () {
          found.forEach(function (r) {
            if (place(r)) placed.push(r.item);
          });
        });
        showBar();
        if (!placed.length) {
          say('Die reacties zijn er niet meer.');
          return;
        }
        var first = placed[0].querySelector(':scope > article') || placed[0];
        first.setAttribute('tabindex', '-1');
        first.focus();
        say(placed.length === 1 ? '1 nieuwe reactie getoond.' : numbers.format(placed.length) + ' nieuwe reacties getoond.');
      })
      .catch(function () {
        pending = batch.concat(pending);
        showBar();
        say('De nieuwe reacties konden niet worden opgehaald. Probeer het nog eens.');
      });
  }

  // A changed reactie: its own part (the article, or the placeholder that replaced it) is swapped;
  // its replies stay. Focus that was in it goes to the same place in the new one.
  function refresh(id) {
    var old = itemOf(id);
    // The reader's own reactie (held, or still to edit) stays as their page shows it.
    if (!old || old.querySelector(':scope > article .edit-link, :scope > article .pending-notice')) return;
    fetchReacties([id]).then(function (found) {
      var current = itemOf(id);
      if (!found.length || !current) return;
      var fresh = found[0].item;
      var oldPart = current.firstElementChild;
      var newPart = fresh.firstElementChild;
      if (!oldPart || !newPart) return;
      var focused = oldPart.contains(document.activeElement) ? document.activeElement : null;
      keepPlace(function () {
        current.className = fresh.className;
        current.replaceChild(newPart, oldPart);
      });
      if (focused) {
        var same = focused.className && newPart.querySelector('.' + focused.className.split(' ')[0]);
        if (!same) {
          newPart.setAttribute('tabindex', '-1');
          same = newPart;
        }
        same.focus({ preventScroll: true });
      }
      if (newPart.classList.contains('removed-notice')) say('Een reactie is weggehaald door de moderatie.');
    });
  }

  // A reactie that is gone: replaced at once by a short line (without its replies, as a reload shows it).
  function gone(id) {
    pending = pending.filter(function (p) {
      return p.id !== id;
    });
    showBar();
    var item = itemOf(id);
    if (!item || item.querySelector(':scope > article .pending-notice')) return;
    var note = document.createElement('li');
    note.className = 'reactie removed live-weg';
    var text = document.createElement('p');
    text.className = 'removed-notice';
    text.textContent = 'Deze reactie is weggehaald.';
    note.appendChild(text);
    var hadFocus = item.contains(document.activeElement);
    keepPlace(function () {
      item.parentNode.replaceChild(note, item);
    });
    if (hadFocus) {
      text.setAttribute('tabindex', '-1');
      text.focus({ preventScroll: true });
    }
    say('Een reactie is weggehaald.');
  }

  // The heading says how many reacties the article has now (new ones still behind "tonen" included).
  function onCount(event) {
    var n = JSON.parse(event.data).aantal;
    var heading = document.getElementById('reacties-kop');
    if (!heading) return;
    heading.textContent =
      n === 0
        ? section.querySelector('ol.thread > li')
          ? 'Reacties'
          : 'Nog geen reacties'
        : n === 1
          ? '1 reactie'
          : numbers.format(n) + ' reacties';
  }

  // The "Uitgelicht door de redactie" block: fetched again when a reactie came in or left it.
  function featuredBlock() {
    return section.querySelector('section.uitgelicht');
  }

  function syncFeatured(id, featured) {
    var block = featuredBlock();
    var listed = Boolean(block && block.querySelector('li[data-reactie="' + id + '"]'));
    if (listed === featured) return;
    window
      .fetch(base + '/uitgelicht', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (res) {
        return res.ok ? res.json() : null;
      })
      .then(function (data) {
        if (!data) return;
        var old = featuredBlock();
        var holder = document.createElement('div');
        holder.innerHTML = data.html;
        var fresh = holder.querySelector('section.uitgelicht');
        var hadFocus = old && old.contains(document.activeElement);
        keepPlace(function () {
          if (old && fresh) old.parentNode.replaceChild(fresh, old);
          else if (old) old.parentNode.removeChild(old);
          else if (fresh) {
            var after = document.getElementById('ingetrokken') || bar || document.getElementById('reacties-kop');
            after.parentNode.insertBefore(fresh, after.nextSibling);
          }
        });
        if (hadFocus) {
          var target = fresh ? fresh.querySelector('h3') : document.getElementById('reacties-kop');
          target.setAttribute('tabindex', '-1');
          target.focus({ preventScroll: true });
        }
        var nowListed = Boolean(fresh && fresh.querySelector('li[data-reactie="' + id + '"]'));
        if (nowListed && !listed) say('Een reactie is uitgelicht door de redactie. Je leest hem bij het begin van de reacties.');
        else if (listed && !nowListed) say('Een reactie is niet meer uitgelicht door de redactie.');
      });
  }

  function onReactie(event) {
    if (event.lastEventId) lastId = event.lastEventId;
    var change = JSON.parse(event.data);
    syncFeatured(change.reactie, change.uitgelicht === true);
    if (change.soort === 'weg') return gone(change.reactie);
    if (change.soort === 'gewijzigd') return refresh(change.reactie);
    if (itemOf(change.reactie) || isPending(change.reactie) || !placeable(change.antwoordOp)) return;
    pending.push({ id: change.reactie, parent: change.antwoordOp });
    showBar();
    announceNew();
  }

  var source = null;
  function connect() {
    // A browser reconnects by itself with Last-Event-ID; after a refusal (too many pages) this script
    // does, a while later, and says where it was (?na=).
    source = new window.EventSource(lastId ? base + '?na=' + encodeURIComponent(lastId) : base);
    source.addEventListener('reactie', onReactie);
    source.addEventListener('aantal', onCount);
    source.addEventListener('verouderd', function () {
      outdated = true;
      showBar();
      say('Er is veel veranderd sinds de pagina werd geladen. Vernieuw de pagina om alles te zien.');
    });
    source.addEventListener('error', function () {
      if (source.readyState !== window.EventSource.CLOSED) return;
      setTimeout(connect, 30000);
    });
  }
  connect();
  window.addEventListener('pagehide', function () {
    source.close();
  });
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) connect();
  });
})();

// The voorpagina's numbers follow the reacties as they come and go: each article's count (its link to
// the reacties, found by the article's address) and the running total (server/live/, /voorpagina/live).
// Not announced: they change often and say little.
(function () {
  'use strict';
  var total = document.querySelector('.voorpagina .reactie-total');
  var links = document.querySelectorAll('.voorpagina a.reactie-count');
  if ((!total && !links.length) || !window.EventSource) return;
  var numbers = new Intl.NumberFormat('nl-NL');
  // From where the page was read (data-live-na): counts that changed since come first.
  var kept = document.querySelector('.voorpagina [data-live-na]');
  var na = kept && kept.getAttribute('data-live-na');
  var source = new window.EventSource('/voorpagina/live' + (na ? '?na=' + encodeURIComponent(na) : ''));
  source.addEventListener('aantallen', function (event) {
    var counts = JSON.parse(event.data);
    if (total) total.textContent = numbers.format(counts.totaal);
    counts.artikelen.forEach(function (a) {
      for (var i = 0; i < links.length; i++) {
        if (links[i].getAttribute('href') !== a.pad + '#reacties' || !links[i].firstChild) continue;
        // The first text only: "· reageren gesloten" after it stays.
        links[i].firstChild.textContent =
          a.aantal === 0 ? 'Nog geen reacties' : a.aantal === 1 ? '1 reactie' : numbers.format(a.aantal) + ' reacties';
      }
    });
  });
  window.addEventListener('pagehide', function () {
    source.close();
  });
})();

// Photos in the article editor (server/media/routes.ts): the photo form is sent in the background and
// the photo's line ("[foto 12]") goes into the text where the cursor was; a photo dragged or pasted
// onto the text lands in the photo form's file field, and focus goes to its alt text, which is
// required. Without this script the form is sent as usual and the editor shows the line to put in.
(function () {
  'use strict';
  var form = document.querySelector('form[data-photo-upload]');
  var text = document.getElementById('tekst');
  if (!form || !text || !window.fetch || !window.FormData) return;
  var fileInput = form.querySelector('input[type=file]');
  var alt = form.querySelector('#foto-alt');
  var status = form.querySelector('[data-photo-status]');
  var caret = null;
  function say(message) {
    if (status) status.textContent = message;
  }
  function rememberCaret() {
    caret = text.selectionStart;
  }
  text.addEventListener('keyup', rememberCaret);
  text.addEventListener('click', rememberCaret);
  text.addEventListener('blur', rememberCaret);

  function insertLine(line) {
    var value = text.value;
    var at = caret === null ? value.length : Math.min(caret, value.length);
    var before = value.slice(0, at);
    var after = value.slice(at);
    var lead = before === '' ? '' : /\n\n$/.test(before) ? '' : /\n$/.test(before) ? '\n' : '\n\n';
    var trail = after === '' ? '\n' : /^\n\n/.test(after) ? '' : /^\n/.test(after) ? '\n' : '\n\n';
    text.value = before + lead + line + trail + after;
    caret = (before + lead + line + trail).length;
    // The autosave hears of the change as of any typing.
    text.dispatchEvent(new Event('input', { bubbles: true }));
  }

  function takeFiles(files) {
    if (!files || !files.length || !/^image\//.test(files[0].type) || !window.DataTransfer) return false;
    var transfer = new DataTransfer();
    transfer.items.add(files[0]);
    fileInput.files = transfer.files;
    say('Foto gekozen: ' + (files[0].name || 'geplakte afbeelding') + '. Beschrijf wat er te zien is en klik op Foto toevoegen.');
    if (alt) alt.focus();
    return true;
  }
  text.addEventListener('dragover', function (event) {
    if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, 'Files') !== -1) event.preventDefault();
  });
  text.addEventListener('drop', function (event) {
    rememberCaret();
    if (event.dataTransfer && takeFiles(event.dataTransfer.files)) event.preventDefault();
  });
  text.addEventListener('paste', function (event) {
    rememberCaret();
    if (event.clipboardData && takeFiles(event.clipboardData.files)) event.preventDefault();
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    say('Foto wordt verkleind en toegevoegd…');
    fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (res) {
        return res.json().then(function (answer) {
          return { ok: res.ok, answer: answer };
        });
      })
      .then(function (reply) {
        if (!reply.ok) {
          say(reply.answer.error || 'De foto is niet toegevoegd. Probeer het opnieuw.');
          if (reply.answer.errors && reply.answer.errors.alt && alt) alt.focus();
          return;
        }
        insertLine(reply.answer.shortcode);
        form.reset();
        say('Foto toegevoegd en in de tekst gezet: ' + reply.answer.shortcode + '. Vergeet niet het artikel op te slaan.');
      })
      .catch(function () {
        say('De foto is niet toegevoegd: geen verbinding met de server. Probeer het opnieuw.');
      });
  });

  // "Kies uit de mediabibliotheek" (server/media/picker.ts) as a dialog: the photos are read as JSON, page by page;
  // "In de tekst zetten" puts the photo's line where the cursor was, "Als hoofdfoto" ticks it among the lead image's
  // choices (added there when it is not one yet). Without a <dialog> the button sends the form to the plain page.
  var pick = document.querySelector('button[data-media-picker]');
  var dialog = document.getElementById('mediakiezer');
  if (!pick || !dialog || typeof dialog.showModal !== 'function') return;
  var list = dialog.querySelector('[data-media-list]');
  var pickStatus = dialog.querySelector('[data-media-status]');
  var picked = document.querySelector('[data-media-picked]');
  var searchInput = dialog.querySelector('#mediakiezer-zoek');
  var newer = dialog.querySelector('[data-media-page="-1"]');
  var older = dialog.querySelector('[data-media-page="1"]');
  var shown = { page: 1, pages: 1, search: '' };

  function button(label, className, describedBy, act) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    if (className) b.className = className;
    b.setAttribute('aria-describedby', describedBy);
    b.addEventListener('click', act);
    return b;
  }
  function done(message, focusOn) {
    dialog.close();
    if (picked) picked.textContent = message;
    focusOn.focus();
  }
  function chooseLead(photo) {
    var radio = document.getElementById('hoofdfoto-' + photo.id);
    var fieldset = document.getElementById('hoofdfoto');
    if (!radio && fieldset) {
      var choice = document.createElement('div');
      choice.className = 'field checkbox lead-choice';
      radio = document.createElement('input');
      radio.type = 'radio';
      radio.id = 'hoofdfoto-' + photo.id;
      radio.name = 'hoofdfoto';
      radio.value = String(photo.id);
      var label = document.createElement('label');
      label.htmlFor = radio.id;
      var img = document.createElement('img');
      img.src = photo.thumbUrl;
      img.alt = '';
      img.width = photo.width;
      img.height = photo.height;
      label.append(img, ' ' + photo.alt);
      choice.append(radio, label);
      fieldset.append(choice);
    }
    if (!radio) return;
    radio.checked = true;
    radio.dispatchEvent(new Event('input', { bubbles: true }));
    done('Hoofdfoto gekozen: ' + photo.alt + '. Vergeet niet het artikel op te slaan.', radio);
  }
  function show(answer) {
    shown.page = answer.page;
    shown.pages = answer.pages;
    list.textContent = '';
    answer.photos.forEach(function (photo) {
      var item = document.createElement('li');
      var img = document.createElement('img');
      img.src = photo.thumbUrl;
      img.alt = '';
      img.width = photo.width;
      img.height = photo.height;
      var about = document.createElement('p');
      var alt = document.createElement('span');
      alt.id = 'mediakiezer-foto-' + photo.id;
      alt.textContent = photo.alt;
      var meta = document.createElement('span');
      meta.className = 'meta';
      meta.textContent = photo.shortcode + ' · geüpload op ' + photo.date;
      about.append(alt, document.createElement('br'), meta);
      var actions = document.createElement('p');
      actions.className = 'actions';
      actions.append(
        button('In de tekst zetten', '', alt.id, function () {
          insertLine(photo.shortcode);
          done('Foto in de tekst gezet: ' + photo.shortcode + '. Vergeet niet het artikel op te slaan.', text);
          text.setSelectionRange(caret, caret);
        }),
        button('Als hoofdfoto', 'secondary', alt.id, function () {
          chooseLead(photo);
        }),
      );
      item.append(img, about, actions);
      list.append(item);
    });
    pickStatus.textContent = !answer.total
      ? shown.search
        ? 'Geen foto’s gevonden.'
        : 'Nog geen foto’s.'
      : (answer.total === 1 ? '1 foto' : answer.total + ' foto’s') + ', pagina ' + answer.page + ' van ' + answer.pages + '.';
    newer.hidden = answer.page <= 1;
    older.hidden = answer.page >= answer.pages;
  }
  function load(page, focusFirst) {
    pickStatus.textContent = 'Foto’s worden geladen…';
    var url = '/beheer/media/kiezen?zoek=' + encodeURIComponent(shown.search) + '&pagina=' + page;
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (res) {
        if (!res.ok) throw new Error(String(res.status));
        return res.json();
      })
      .then(function (answer) {
        show(answer);
        var first = list.querySelector('button');
        if (focusFirst && first) first.focus();
      })
      .catch(function () {
        pickStatus.textContent = 'De foto’s zijn niet geladen: geen verbinding met de server. Probeer het opnieuw.';
      });
  }
  pick.addEventListener('click', function (event) {
    event.preventDefault();
    dialog.showModal();
    searchInput.value = '';
    shown.search = '';
    searchInput.focus();
    load(1, false);
  });
  dialog.querySelector('[data-media-search]').addEventListener('submit', function (event) {
    event.preventDefault();
    shown.search = searchInput.value.trim();
    load(1, true);
  });
  newer.addEventListener('click', function () {
    load(shown.page - 1, true);
  });
  older.addEventListener('click', function () {
    load(shown.page + 1, true);
  });
  dialog.querySelector('[data-media-close]').addEventListener('click', function () {
    dialog.close();
    pick.focus();
  });
})();

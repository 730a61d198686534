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
      var textarea = section.querySelector('textarea');
      if (textarea) textarea.focus();
      return;
    }

    if (target.id === 'annuleer-antwoord') {
      var home = document.getElementById('reageer-plek');
      var form = formSection();
      if (!home || !form) return;
      event.preventDefault();
      home.appendChild(form);
      setReplyState(form, '', '');
      form.scrollIntoView({ block: 'nearest' });
    }
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

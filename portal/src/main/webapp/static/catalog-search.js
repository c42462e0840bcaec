/*
 * Suggestions as you type for the catalog search box (progressive enhancement: without this script
 * the box is a plain search field of a GET form). Follows the WAI-ARIA 1.2 combobox pattern with a
 * listbox popup: Arrow Down/Up move through the suggestions, Enter opens the chosen model (or
 * searches when none is chosen), Escape closes the list; a status region tells screen readers how
 * many suggestions there are. Suggestions come from GET /api/v1/catalog/suggest?q= with the
 * visitor's own session, so they respect the same visibility as the search.
 */
(function () {
  'use strict';

  var DELAY_MS = 200;
  var MIN_CHARS = 2;
  var MAX_CHARS = 100;

  function enhance(input) {
    var listId = input.id + '-suggestions';
    var list = document.createElement('ul');
    list.id = listId;
    list.className = 'suggestions';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', input.dataset.suggestLabel || '');
    list.hidden = true;
    input.insertAdjacentElement('afterend', list);

    var status = document.createElement('div');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    list.insertAdjacentElement('afterend', status);

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);

    var timer = null;
    var pending = null;
    var items = [];
    var active = -1;

    function close() {
      list.hidden = true;
      list.textContent = '';
      items = [];
      active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }

    function announce(count) {
      status.textContent = count === 0
        ? (input.dataset.suggestNone || '')
        : (input.dataset.suggestCount || '{0}').replace('{0}', String(count));
    }

    function select(index) {
      items.forEach(function (item, i) {
        item.element.setAttribute('aria-selected', i === index ? 'true' : 'false');
      });
      active = index;
      if (index < 0) {
        input.removeAttribute('aria-activedescendant');
      } else {
        input.setAttribute('aria-activedescendant', items[index].element.id);
        items[index].element.scrollIntoView({ block: 'nearest' });
      }
    }

    function open(suggestions) {
      list.textContent = '';
      items = suggestions.map(function (s, i) {
        var option = document.createElement('li');
        option.id = listId + '-' + i;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        var name = document.createElement('span');
        name.textContent = s.text;
        var model = document.createElement('span');
        model.className = 'model-id';
        model.textContent = s.model;
        option.appendChild(name);
        option.appendChild(model);
        option.addEventListener('mousedown', function (event) {
          event.preventDefault(); // keep the focus in the box
        });
        option.addEventListener('click', function () {
          choose(i);
        });
        list.appendChild(option);
        return { element: option, model: s.model };
      });
      active = -1;
      list.hidden = items.length === 0;
      input.setAttribute('aria-expanded', items.length > 0 ? 'true' : 'false');
      announce(items.length);
    }

    function choose(index) {
      var model = items[index].model.split('/').map(encodeURIComponent).join('/');
      window.location.assign((input.dataset.modelUrl || '/katalog/') + model);
    }

    function load() {
      var text = input.value.trim();
      if (text.length < MIN_CHARS || text.length > MAX_CHARS) {
        close();
        status.textContent = '';
        return;
      }
      if (pending) {
        pending.abort();
      }
      pending = new AbortController();
      fetch(input.dataset.suggestUrl + '?q=' + encodeURIComponent(text), {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
        signal: pending.signal
      }).then(function (response) {
        return response.ok ? response.json() : { suggestions: [] };
      }).then(function (body) {
        if (input.value.trim() === text && document.activeElement === input) {
          open(body.suggestions || []);
        }
      }).catch(function (error) {
        if (error.name !== 'AbortError') {
          close(); // suggestions are a help: the form still searches
        }
      });
    }

    input.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(load, DELAY_MS);
    });

    input.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown' && items.length > 0) {
        event.preventDefault();
        if (list.hidden) {
          list.hidden = false;
          input.setAttribute('aria-expanded', 'true');
        }
        select(active + 1 < items.length ? active + 1 : 0);
      } else if (event.key === 'ArrowUp' && items.length > 0) {
        event.preventDefault();
        select(active > 0 ? active - 1 : items.length - 1);
      } else if (event.key === 'Enter' && active >= 0 && !list.hidden) {
        event.preventDefault();
        choose(active);
      } else if (event.key === 'Escape' && !list.hidden) {
        event.preventDefault();
        close();
      }
    });

    input.addEventListener('blur', function () {
      window.clearTimeout(timer);
      close();
    });
  }

  function start() {
    var inputs = document.querySelectorAll('input[type="search"][data-suggest-url]');
    Array.prototype.forEach.call(inputs, enhance);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());

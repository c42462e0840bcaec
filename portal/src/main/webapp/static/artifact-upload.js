/*
 * Artifact upload with a progress bar (researchers' pages, /forschung/{model}).
 *
 * Enhances every form.upload-form[data-upload-url]: the chosen file is sent with XMLHttpRequest as
 * the raw body of PUT data-upload-url (the registry's artifact API, with the visitor's session),
 * a <progress> element shows how much is sent, and when the registry has inspected the file the
 * browser goes to data-done-url. A refusal (problem+json) is shown in the form's alert paragraph.
 * Without this script the form posts multipart/form-data to the page's own servlet, which streams
 * it into the same registry service.
 */
(function () {
  'use strict';

  function problemText(xhr, fallback) {
    try {
      var problem = JSON.parse(xhr.responseText);
      if (problem && (problem.detail || problem.title)) {
        return fallback + ' ' + (problem.detail || problem.title);
      }
    } catch (e) {
      // not JSON: the fallback says enough
    }
    return fallback + ' (HTTP ' + xhr.status + ')';
  }

  function enhance(form) {
    var done = form.getAttribute('data-done-url');
    var max = Number(form.getAttribute('data-max-bytes'));
    var input = form.querySelector('input[type=file]');
    var button = form.querySelector('button[type=submit]');
    var box = form.querySelector('.upload-progress');
    var bar = form.querySelector('progress');
    var status = form.querySelector('.upload-status');
    var error = form.querySelector('.upload-error');
    if (!input || !box || !bar || !status || !error) {
      return;
    }
    form.addEventListener('submit', function (event) {
      // read when sent: a form without the address posts as without JavaScript
      var url = form.getAttribute('data-upload-url');
      var file = input.files && input.files[0];
      if (!url || !file) {
        return; // the plain form post, or the browser's own validation (required) speaks
      }
      event.preventDefault();
      error.hidden = true;
      error.textContent = '';
      if (max > 0 && file.size > max) {
        error.textContent = status.getAttribute('data-too-large');
        error.hidden = false;
        return;
      }
      var xhr = new XMLHttpRequest();
      xhr.open('PUT', url);
      xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) {
          var percent = Math.floor((e.loaded / e.total) * 100);
          bar.value = percent;
          bar.textContent = percent + ' %';
          status.textContent = status.getAttribute('data-sent') + ' ' + percent + ' %';
        }
      });
      xhr.upload.addEventListener('load', function () {
        bar.value = 100;
        status.textContent = status.getAttribute('data-inspecting');
      });
      xhr.addEventListener('load', function () {
        if (xhr.status >= 200 && xhr.status < 300) {
          window.location.assign(done);
          return;
        }
        button.disabled = false;
        box.hidden = true;
        error.textContent = problemText(xhr, status.getAttribute('data-failed'));
        error.hidden = false;
      });
      xhr.addEventListener('error', function () {
        button.disabled = false;
        box.hidden = true;
        error.textContent = status.getAttribute('data-failed');
        error.hidden = false;
      });
      button.disabled = true;
      bar.value = 0;
      box.hidden = false;
      xhr.send(file);
    });
  }

  function start() {
    var forms = document.querySelectorAll('form.upload-form[data-upload-url]');
    for (var i = 0; i < forms.length; i++) {
      enhance(forms[i]);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();

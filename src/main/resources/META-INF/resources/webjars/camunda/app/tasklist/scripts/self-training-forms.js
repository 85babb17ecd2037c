/*
 * The helpers our embedded forms (forms/*.html) share, as one global: window.selfTrainingForms.
 *
 * A form's own <script src> is not run by Tasklist, so this file is loaded by Tasklist itself:
 * scripts/config.js lists it in customScripts, and Tasklist imports it (as an ES module, path
 * relative to app/tasklist/) before it shows any form. It is served from our jar at
 * /camunda/app/tasklist/scripts/self-training-forms.js, like ../../vietnamese.js. It exports no
 * plugin; a form's <script cam-script type="text/form-script"> starts with
 *   var forms = window.selfTrainingForms;
 * Messages are Vietnamese, as the forms show them.
 */
(function () {
  'use strict';

  // Same limit as the server (self-training.report.max-size: 10MB = 10 x 1024 x 1024 bytes).
  var MAX_FILE_BYTES = 10 * 1024 * 1024;
  var FILE_NAME = /\.(pdf|docx)$/i;

  function two(n) {
    return (n < 10 ? '0' : '') + n;
  }

  window.selfTrainingForms = {
    MAX_FILE_BYTES: MAX_FILE_BYTES,

    // Our API lives at the application's root, beside /camunda/app/tasklist/…; the Tasklist
    // session authenticates it, so the forms need no second login.
    root: function () {
      return window.location.pathname.replace(/(\/[^\/]+)?\/app\/tasklist\/.*$/, '');
    },

    // GET of our API: the answer's JSON, or an Error with the server's message.
    getJson: function (url) {
      return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (response) {
          return response.json().then(function (body) {
            if (!response.ok) {
              throw new Error(body && body.message ? body.message : 'Lỗi ' + response.status);
            }
            return body;
          });
        });
    },

    // An instant as "HH:mm dd/MM/yyyy", the browser's time.
    time: function (iso) {
      var d = new Date(iso);
      return two(d.getHours()) + ':' + two(d.getMinutes()) + ' ' + two(d.getDate()) + '/' + two(d.getMonth() + 1)
          + '/' + d.getFullYear();
    },

    // 1234 -> "1.234", as Vietnamese documents write numbers.
    number: function (value) {
      var n = typeof value === 'number' && isFinite(value) ? Math.round(value) : 0;
      return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    },

    // A JSON object held in a String variable (a Json-typed variable arrives already parsed):
    // the object, null when empty, undefined when unreadable.
    parseJson: function (raw) {
      if (raw && typeof raw === 'object') {
        return raw;
      }
      if (typeof raw !== 'string' || !raw.trim()) {
        return null;
      }
      try {
        var parsed = JSON.parse(raw);
        return parsed && typeof parsed === 'object' ? parsed : undefined;
      } catch (e) {
        return undefined;
      }
    },

    // {label: count} -> [{label, count}], firstLabels first (with 0 when missing), then the others.
    countsOf: function (map, firstLabels) {
      var number = window.selfTrainingForms.number;
      var rows = [];
      var seen = {};
      map = map && typeof map === 'object' ? map : {};
      (firstLabels || []).forEach(function (label) {
        seen[label] = true;
        rows.push({ label: label, count: number(map[label]) });
      });
      Object.keys(map).forEach(function (label) {
        if (!seen[label]) {
          rows.push({ label: label, count: number(map[label]) });
        }
      });
      return rows;
    },

    // Sets a variable the form does not bind with cam-variable-name.
    setVariable: function (variableManager, name, type, value) {
      var variable = variableManager.variable(name);
      if (variable) {
        // A fetched variable the task does not have yet comes back without a type;
        // variableValue() would then refuse a String value.
        if (!variable.type) {
          variable.type = type;
        }
        variableManager.variableValue(name, value);
      } else {
        variableManager.createVariable({ name: name, type: type, value: value, isDirty: true });
      }
    },

    // Read-only variables: shown, never sent back with the form (without this the SDK would
    // submit the fetched values again, unchanged).
    dropVariables: function (variableManager, names) {
      names.forEach(function (name) {
        if (variableManager.variable(name)) {
          variableManager.destroyVariable(name);
        }
      });
    },

    // 1536000 -> "1,5 MB"
    megabytes: function (bytes) {
      return (bytes / (1024 * 1024)).toFixed(1).replace('.', ',') + ' MB';
    },

    // The Vietnamese refusal of a chosen .pdf/.docx file, or null when it may be sent. The forms'
    // cam-max-filesize is deliberately higher: the SDK's own check only throws an English message.
    // options.noun names the file in the refusal ("tệp" by default); options.emptyAllowed lets an
    // empty file through (the server takes it for none); options.emptyAdvice follows "rỗng, ".
    checkFile: function (file, options) {
      options = options || {};
      if (!FILE_NAME.test(file.name)) {
        return 'Không nhận tệp “' + file.name + '”: ' + (options.noun || 'tệp') + ' phải có đuôi .pdf hoặc .docx.';
      }
      if (file.size > MAX_FILE_BYTES) {
        return 'Không nhận tệp “' + file.name + '”: tệp vượt quá dung lượng tối đa 10 MB.';
      }
      if (file.size === 0 && !options.emptyAllowed) {
        return 'Tệp “' + file.name + '” rỗng' + (options.emptyAdvice ? ', ' + options.emptyAdvice : '') + '.';
      }
      return null;
    }
  };
})();

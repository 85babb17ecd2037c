// What our pages share, as one global: window.selfTrainingPages. Each page loads this file with
// <script src="../js/pages.js"> before its own script, which takes the helpers it needs:
//   const {el, alertBox, call, problem} = window.selfTrainingPages;
// Messages are Vietnamese, as the pages show them.
(function () {
  'use strict';

  const LOGIN_HINT = 'Bạn chưa đăng nhập. Hãy đăng nhập Camunda Tasklist (cùng trình duyệt) rồi tải lại trang này.';
  const ZONE = 'Asia/Ho_Chi_Minh';
  const TIME = new Intl.DateTimeFormat('en-GB', {timeZone: ZONE, day: '2-digit', month: '2-digit',
    year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'});
  const DAY = new Intl.DateTimeFormat('en-GB', {timeZone: ZONE, day: '2-digit', month: '2-digit',
    year: 'numeric'});

  // The web session's anti-forgery token. The server refuses any change made through /api with the
  // session cookie alone (a page of another site could send that cookie); the pages send the token
  // as X-XSRF-TOKEN, as Camunda's own web applications do. Scripts using HTTP Basic need none.
  let token = null;
  async function xsrfHeaders() {
    if (token === null) {
      const response = await fetch('../api/session/xsrf-token', {credentials: 'same-origin',
        headers: {Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest'}});
      if (!response.ok) {
        return {};
      }
      token = (await response.json()).token || '';
    }
    return token ? {'X-XSRF-TOKEN': token} : {};
  }

  function el(tag, text, attributes) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    Object.entries(attributes || {}).forEach(([k, v]) => node.setAttribute(k, v));
    return node;
  }

  function alertBox(kind, text) {
    return el('div', text, {class: 'alert ' + kind});
  }

  /** An error in the page's #message, in place of what it held. */
  function showError(text) {
    document.getElementById('message').replaceChildren(alertBox('error', text));
  }

  /** A <td> of text appended to row, and returned. */
  function textCell(row, value, className) {
    const td = el('td', value == null ? '' : String(value));
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
    return td;
  }

  /**
   * A call of our API: {status, body} (body null when the answer is not JSON). A change (any method
   * but GET) carries the session's anti-forgery token. A network failure rejects.
   */
  async function call(url, options) {
    const method = (options && options.method) || 'GET';
    const xsrf = method === 'GET' ? {} : await xsrfHeaders();
    const response = await fetch(url, Object.assign({credentials: 'same-origin',
      // X-Requested-With: the server then skips the browser's own login prompt and the page explains
      headers: Object.assign({Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest'}, xsrf)},
      options || {}));
    let body = null;
    try { body = await response.json(); } catch (e) { /* not JSON */ }
    return {status: response.status, body};
  }

  /** What to tell of a failed call (status 0: no answer at all); loginHint for a 401. */
  function problem(answer, loginHint = LOGIN_HINT) {
    if (answer.status === 401) return loginHint;
    if (answer.body && answer.body.message) return answer.body.message;
    if (answer.status === 0) return 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.';
    return 'Máy chủ trả lời lỗi (mã ' + answer.status + '). Vui lòng thử lại sau.';
  }

  function parts(format, date) {
    return Object.fromEntries(format.formatToParts(date).map(part => [part.type, part.value]));
  }

  /**
   * dd/MM/yyyy HH:mm: a time without a zone (2026-11-30T10:15:00) as written; an instant
   * (…Z, 2040-11-30T23:59:00+07:00) in Việt Nam time.
   */
  function formatTime(value) {
    if (!value) return '';
    const local = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d+)?)?$/.exec(value);
    if (local) return local[3] + '/' + local[2] + '/' + local[1] + ' ' + local[4] + ':' + local[5];
    const date = new Date(value);
    if (isNaN(date)) return value;
    const p = parts(TIME, date);
    return p.day + '/' + p.month + '/' + p.year + ' ' + p.hour + ':' + p.minute;
  }

  /** dd/MM/yyyy: a date (2026-11-30) or a time without a zone as written; an instant in Việt Nam time. */
  function formatDay(value) {
    if (!value) return '';
    const local = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.exec(value);
    if (local) return local[3] + '/' + local[2] + '/' + local[1];
    const date = new Date(value);
    if (isNaN(date)) return value;
    const p = parts(DAY, date);
    return p.day + '/' + p.month + '/' + p.year;
  }

  window.selfTrainingPages = {el, alertBox, showError, textCell, call, problem, formatTime, formatDay};
})();

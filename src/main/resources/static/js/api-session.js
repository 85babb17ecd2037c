// The web session's anti-forgery token. The server refuses any change made through /api with the
// session cookie alone (a page of another site could send that cookie); the pages send the token
// as X-XSRF-TOKEN, as Camunda's own web applications do. Scripts using HTTP Basic need none.
(function () {
  let token = null;
  window.xsrfHeaders = async function () {
    if (token === null) {
      const response = await fetch('../api/session/xsrf-token', {credentials: 'same-origin',
        headers: {Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest'}});
      if (!response.ok) {
        return {};
      }
      token = (await response.json()).token || '';
    }
    return token ? {'X-XSRF-TOKEN': token} : {};
  };
})();

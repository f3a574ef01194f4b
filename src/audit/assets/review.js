/* Review decisions: read and recorded through `nianbao serve` (http); on file:// the site shows the
   decisions baked in when it was built and offers no form. */
(function () {
  'use strict';
  var served = location.protocol === 'http:' || location.protocol === 'https:';
  function apiBase() {
    // Pages live at /index.html and /reports/<slug>.html; the API at /api/.
    return location.pathname.indexOf('/reports/') >= 0 ? '../api/' : 'api/';
  }
  window.NianbaoReviews = {
    served: served,
    /** id → {decision, note, reviewer, at}; an empty map on file:// or when the server is gone. */
    load: function () {
      if (!served) return Promise.resolve({});
      return fetch(apiBase() + 'reviews', { cache: 'no-store' })
        .then(function (r) { return r.ok ? r.json() : {}; })
        .catch(function () { return {}; });
    },
    save: function (review) {
      return fetch(apiBase() + 'reviews', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(review),
      }).then(function (r) {
        if (!r.ok) return r.text().then(function (t) { throw new Error(t || r.statusText); });
        return r.json();
      });
    },
  };
})();

/* wagtail-bhxh view counter: records one view, then refreshes the counters shown on the page. */
(function (d, n) {
  var s = d.currentScript, url = s && s.getAttribute("data-url"), page = s && s.getAttribute("data-page");
  if (!url || !page || n.webdriver) return;
  function fill(data) {
    var lang = d.documentElement.lang || undefined;
    [].forEach.call(d.querySelectorAll("[data-bhxh-count]"), function (el) {
      var key = el.getAttribute("data-bhxh-count"), value = key === "views" ? data.views : data.site[key];
      if (typeof value === "number") el.textContent = value.toLocaleString(lang);
    });
  }
  function send() {
    var wants = !!d.querySelector("[data-bhxh-count]"), body = "p=" + page + (wants ? "&c=1" : "");
    var type = "application/x-www-form-urlencoded";
    if (wants && window.fetch) {
      fetch(url, {method: "POST", body: body, headers: {"Content-Type": type}, credentials: "same-origin", keepalive: true})
        .then(function (r) { return r.status === 200 ? r.json().then(fill) : null; })
        .catch(function () {});
    } else if (n.sendBeacon) {
      n.sendBeacon(url, new Blob([body], {type: type}));
    }
  }
  if (d.prerendering) d.addEventListener("prerenderingchange", send, {once: true});
  else if (d.visibilityState === "prerender") d.addEventListener("visibilitychange", send, {once: true});
  else send();
})(document, navigator);

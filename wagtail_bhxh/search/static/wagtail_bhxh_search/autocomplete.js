// Suggestions for the search box: titles and document numbers, from the autocomplete API.
(function () {
  document.querySelectorAll("input[data-bhxh-autocomplete]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2 || !list) { return; }
      timer = setTimeout(function () {
        fetch(input.dataset.bhxhAutocomplete + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : { results: [] }; })
          .then(function (data) {
            list.replaceChildren();
            data.results.forEach(function (item) {
              var option = document.createElement("option");
              option.value = item.number || item.title;
              if (item.number) { option.label = item.title; }
              list.appendChild(option);
            });
          })
          .catch(function () {});
      }, 200);
    });
  });
})();

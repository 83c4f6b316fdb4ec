/* Refreshes the content standards findings of the page editor's "Checks" panel.
 * Every two seconds, if the editor form has changed, posts it to the suite's
 * check view and shows the findings it returns. Nothing is saved. */
(function () {
    'use strict';

    function start(section) {
        var url = section.getAttribute('data-bhxh-standards-url');
        var results = section.querySelector('[data-bhxh-standards-results]');
        var form = document.querySelector('form[data-edit-form]');
        if (!url || !results || !form) {
            return;
        }
        var serialise = function () {
            return new URLSearchParams(new FormData(form)).toString();
        };
        var last = serialise();
        var busy = false;
        window.setInterval(function () {
            var current = serialise();
            if (busy || current === last) {
                return;
            }
            last = current;
            busy = true;
            window.fetch(url, {
                method: 'POST',
                body: new FormData(form),
                credentials: 'same-origin',
                headers: { 'X-Requested-With': 'XMLHttpRequest' },
            })
                .then(function (response) {
                    return response.ok ? response.text() : Promise.reject(response.status);
                })
                .then(function (html) {
                    results.innerHTML = html;
                })
                .catch(function () {
                    last = null; // try again on the next tick
                })
                .finally(function () {
                    busy = false;
                });
        }, 2000);
    }

    function init() {
        document.querySelectorAll('[data-bhxh-standards-url]').forEach(start);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
})();

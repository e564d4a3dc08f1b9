// Sourcebook: small fixes to the theme's behaviour. Without JavaScript the
// pages read the same; these only tidy what a script-enabled reader sees.
(function () {
  function label() {
    // The theme's search overlay has role="dialog" but no accessible name.
    var search = document.querySelector(".md-search[role='dialog']");
    if (search && !search.hasAttribute("aria-label")) {
      search.setAttribute("aria-label", "Search");
    }
  }

  // --- language tabs (a bilingual source shows one tab per language) ------

  // The tab panel (.tabbed-block) holding ``el`` in each enclosing tab set,
  // innermost first, with the radio input that shows it.
  function panels(el) {
    var out = [];
    for (var block = el.closest(".tabbed-block"); block;
         block = block.parentElement && block.parentElement.closest(".tabbed-block")) {
      var content = block.parentElement;
      var set = content && content.parentElement;
      if (!set || !set.classList.contains("tabbed-set")) break;
      var blocks = Array.prototype.filter.call(content.children, function (c) {
        return c.classList.contains("tabbed-block");
      });
      var inputs = Array.prototype.filter.call(set.children, function (c) {
        return c.tagName === "INPUT";
      });
      var input = inputs[blocks.indexOf(block)];
      if (input) out.push(input);
    }
    return out;
  }

  function shown(el) {
    return panels(el).every(function (input) { return input.checked; });
  }

  function targetOf(link) {
    var href = link.getAttribute("href") || "";
    if (href.charAt(0) !== "#" || href.length < 2) return null;
    try {
      return document.getElementById(decodeURIComponent(href.slice(1)));
    } catch (e) {
      return null;
    }
  }

  // The table of contents lists the headings of the tab being read only:
  // both languages' headings at once listed each section twice.
  function syncToc() {
    var links = document.querySelectorAll(".md-nav--secondary a.md-nav__link");
    Array.prototype.forEach.call(links, function (link) {
      var target = targetOf(link);
      var item = link.closest("li");
      if (!target || !item) return;
      var hide = !shown(target);
      if (item.hidden !== hide) item.hidden = hide;
    });
  }

  // A link to a passage in a tab not shown (a claim's quote in the second
  // language) opens that tab, so the reader lands on the passage.
  // On load the theme has not yet read the tabs, so setting an input is
  // enough; later (hashchange) a click lets the theme move its tab marker.
  function reveal(event) {
    var id = location.hash.slice(1);
    if (!id) return;
    var target;
    try {
      target = document.getElementById(decodeURIComponent(id));
    } catch (e) {
      return;
    }
    if (!target || target.tagName === "INPUT") return;
    var hidden = panels(target).filter(function (input) { return !input.checked; });
    if (!hidden.length) return;
    hidden.reverse().forEach(function (input) {
      if (event) input.click(); else input.checked = true;
    });
    syncToc();
    target.scrollIntoView();
  }

  function start() {
    label();
    reveal(null);
    syncToc();
    document.addEventListener("change", function (event) {
      var input = event.target;
      if (input && input.closest && input.closest(".tabbed-set")) syncToc();
    });
    window.addEventListener("hashchange", reveal);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

// Sourcebook: small accessibility fixes to the theme's markup.
(function () {
  function label() {
    // The theme's search overlay has role="dialog" but no accessible name.
    var search = document.querySelector(".md-search[role='dialog']");
    if (search && !search.hasAttribute("aria-label")) {
      search.setAttribute("aria-label", "Search");
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", label);
  } else {
    label();
  }
})();

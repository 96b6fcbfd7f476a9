// The SPARQL editor page (/sparql in a browser): vendored YASGUI, configured as web/vendor/README.md
// requires (every request to our own /sparql, nothing fetched elsewhere), the project's prefixes
// declared in the first query and offered by the prefix completion, and the gallery of named
// questions, whose "edit" buttons put a question's SPARQL into the editor.
(function () {
  "use strict";
  const config = JSON.parse(document.getElementById("sparql-config").textContent);

  // The first query of a new tab: every project prefix, then a question to start from.
  Yasgui.defaults.yasqe.value = config.defaultQuery;

  // Prefix completion ("PREFIX c" + Ctrl-Space): the project's prefixes first, then YASQE's bundled list.
  const projectPrefixes = Object.entries(config.prefixes).map(([prefix, iri]) => `${prefix}: <${iri}>`);
  const prefixCompleter = Yasgui.Yasqe.Autocompleters.prefixes;
  if (prefixCompleter && typeof prefixCompleter.get === "function") {
    const bundledGet = prefixCompleter.get;
    prefixCompleter.get = function (yasqe, token) {
      return Promise.resolve(bundledGet.call(this, yasqe, token)).then((bundled) => {
        const ours = new Set(Object.keys(config.prefixes).map((prefix) => `${prefix}:`));
        const others = (bundled || []).filter((entry) => !ours.has(entry.split(" ")[0]));
        return projectPrefixes.concat(others);
      });
    };
  }

  // --- web/vendor/README.md, yasgui-config block, verbatim ---------------------------------------
  // clustergraph's SPARQL editor: every request goes to our own /sparql, nothing is fetched elsewhere.
  // The page may give the endpoint path in data-endpoint on the #yasgui element (e.g. from url_for).
  const yasguiElement = document.getElementById("yasgui");
  const SPARQL_ENDPOINT = new URL(yasguiElement.dataset.endpoint || "/sparql", window.location.href).href;
  // Drop the "class" and "property" autocompleters: they query lov.linkeddata.es as you type.
  Yasgui.Yasqe.defaults.autocompleters = ["variables", "prefixes"];
  const yasgui = new Yasgui(yasguiElement, {
    requestConfig: { endpoint: SPARQL_ENDPOINT, method: "POST" },
    endpointCatalogueOptions: { getData: () => [{ endpoint: SPARQL_ENDPOINT }] },
    copyEndpointOnNewTab: true,
    populateFromUrl: (tab) => { tab.requestConfig.endpoint = SPARQL_ENDPOINT; return tab; },
    persistenceId: null,
    yasqe: { prefixCcApi: null },
  });
  // --- end of the vendor block -----------------------------------------------------------------

  window.clustergraphYasgui = yasgui;  // for the browser tests and the curious

  const byName = new Map(config.queries.map((query) => [query.name, query]));
  document.querySelectorAll("[data-load-query]").forEach((button) => {
    button.addEventListener("click", () => {
      const query = byName.get(button.dataset.loadQuery);
      const tab = yasgui.getTab();
      if (!query || !tab) return;
      tab.setQuery(query.sparql);
      tab.setName(query.title.slice(0, 40));
      yasguiElement.scrollIntoView({ behavior: "smooth", block: "start" });
    });
  });
})();

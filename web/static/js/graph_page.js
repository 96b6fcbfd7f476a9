/* clustergraph: the graph page (/): search, filters, the date slider, the side panel, expanding
 * neighbours, analytics and "how is X connected to Y", over the network drawn by network.js
 * (window.CGNetwork, loaded first). Every text reaches the page through textContent.
 */
(function () {
  "use strict";

  var CG = window.CGNetwork;
  var el = CG.el, format = CG.format, edgeKey = CG.edgeKey, dayOf = CG.dayOf;
  var toVisNode = CG.toVisNode, toVisEdge = CG.toVisEdge;

  var page = document.getElementById("graph-page");
  if (!page) return;

  CG.mark("read");
  var data = CG.readJson("graph-data");
  var strings = CG.readJson("ui-strings") || {};
  var container = document.getElementById("network");
  var view = CG.draw(container, data, strings);
  var network = view.network;
  var hiddenTypes = new Set();
  var asOf = null; // "YYYY-MM-31" or null for every date
  var lang = document.documentElement.lang || "en";

  function t(key, values) {
    return values ? format(strings[key] || key, values) : (strings[key] || key);
  }

  function withLang(url) {
    return url + (url.indexOf("?") >= 0 ? "&" : "?") + "lang=" + encodeURIComponent(lang);
  }

  function fetchJson(url) {
    return fetch(withLang(url), { headers: { Accept: "application/json" } }).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.statusText);
      return response.json();
    });
  }

  function updateCounts() {
    document.getElementById("count-nodes").textContent = String(view.nodes.length);
    document.getElementById("count-edges").textContent = String(view.edges.length);
    container.dataset.nodeCount = String(view.nodes.length);
  }

  /* --- visibility: class filters and the date slider --- */

  // what vis-network was last told is hidden: only changes are sent, so moving the date slider
  // over a 5,000-node graph updates the few items that appear or disappear, not all of them
  var hiddenNodes = new Map();
  var hiddenEdges = new Map();

  function noteChange(known, id, hidden, updates) {
    if ((known.get(id) || false) !== hidden) {
      known.set(id, hidden);
      updates.push({ id: id, hidden: hidden });
    }
  }

  function applyVisibility() {
    var edgeUpdates = [];
    var shownEdgeAt = new Set();
    var hiddenEdgeAt = new Set();
    view.edgesById.forEach(function (edge, key) {
      var day = dayOf(edge.date);
      var hidden = asOf !== null && day !== null && day > asOf;
      noteChange(hiddenEdges, key, hidden, edgeUpdates);
      (hidden ? hiddenEdgeAt : shownEdgeAt).add(edge.from);
      (hidden ? hiddenEdgeAt : shownEdgeAt).add(edge.to);
    });
    var nodeUpdates = [];
    view.byId.forEach(function (node, id) {
      var laterOnly = hiddenEdgeAt.has(id) && !shownEdgeAt.has(id);
      noteChange(hiddenNodes, id, hiddenTypes.has(node.group) || laterOnly, nodeUpdates);
    });
    if (nodeUpdates.length) view.nodes.update(nodeUpdates);
    if (edgeUpdates.length) view.edges.update(edgeUpdates);
  }

  document.querySelectorAll("#type-filters input[type=checkbox]").forEach(function (box) {
    box.addEventListener("change", function () {
      if (box.checked) hiddenTypes.delete(box.value); else hiddenTypes.add(box.value);
      applyVisibility();
    });
  });
  var wanted = new URLSearchParams(location.search).get("types");
  if (wanted) {
    var keep = new Set(wanted.split(","));
    document.querySelectorAll("#type-filters input[type=checkbox]").forEach(function (box) {
      box.checked = keep.has(box.value);
      if (!box.checked) hiddenTypes.add(box.value);
    });
    applyVisibility();
  }

  var slider = document.getElementById("date-slider");
  if (slider) {
    var first = slider.dataset.first.slice(0, 7).split("-").map(Number);
    var last = slider.dataset.last.slice(0, 7).split("-").map(Number);
    var months = (last[0] - first[0]) * 12 + (last[1] - first[1]);
    slider.max = String(months + 1); // the last position: every date
    slider.value = slider.max;
    var output = document.getElementById("date-output");
    slider.addEventListener("input", function () {
      var step = Number(slider.value);
      if (step > months) {
        asOf = null;
        output.textContent = t("date.all");
      } else {
        var total = first[0] * 12 + (first[1] - 1) + step;
        var year = Math.floor(total / 12);
        var month = (total % 12) + 1;
        var ym = year + "-" + (month < 10 ? "0" : "") + month;
        asOf = ym + "-31";
        output.textContent = ym;
      }
      applyVisibility();
    });
  }

  /* --- the side panel --- */

  var panel = document.getElementById("panel");
  var panelBody = document.getElementById("panel-body");
  document.getElementById("panel-close").addEventListener("click", function () { panel.hidden = true; });

  function entityLink(ref) {
    if (ref.href) {
      var link = el("a", ref.label);
      link.href = ref.href;
      return link;
    }
    return el("span", ref.label);
  }

  function renderFact(fact) {
    var item = el("li", null, "fact");
    var head = el("div");
    head.appendChild(el("span", fact.relation_label + (fact.direction === "in" ? " ←" : " →") + " ", "relation"));
    head.appendChild(entityLink(fact.other));
    if (fact.date) head.appendChild(el("span", " · " + fact.date, "date"));
    item.appendChild(head);
    fact.evidence.forEach(function (ev) {
      if (ev.sentence) item.appendChild(el("blockquote", ev.sentence, "evidence"));
      if (ev.announcement_href) {
        var source = el("p", t("fact.source") + ": ", "source muted");
        var link = el("a", ev.announcement_title || ev.announcement);
        link.href = ev.announcement_href;
        source.appendChild(link);
        if (ev.announcement_issued) source.appendChild(document.createTextNode(" (" + ev.announcement_issued + ")"));
        item.appendChild(source);
      }
    });
    if (!fact.evidence.length) item.appendChild(el("p", t("fact.reference"), "source muted"));
    return item;
  }

  function openPanel(id) {
    var node = view.byId.get(id);
    if (!node) return;
    panel.hidden = false;
    panelBody.replaceChildren();
    panelBody.appendChild(el("h2", node.label, "panel-title"));
    panelBody.appendChild(el("p", strings["type." + node.group] || node.group, "muted"));
    var expand = el("button", t("panel.expand"));
    expand.type = "button";
    expand.addEventListener("click", function () { expandNode(id, 50); });
    panelBody.appendChild(expand);
    if (!node.href) return;
    var pageLink = el("a", t("panel.entity_page"), "entity-link");
    pageLink.href = node.href;
    panelBody.appendChild(el("p")).appendChild(pageLink);
    var loading = el("p", t("panel.loading"), "muted");
    panelBody.appendChild(loading);
    fetchJson(node.href + ".json").then(function (entity) {
      loading.remove();
      if (entity.aliases && entity.aliases.length) {
        panelBody.appendChild(el("p", t("entity.aliases") + ": " + entity.aliases.join(", "), "aliases"));
      }
      panelBody.appendChild(el("h3", t("panel.facts")));
      var list = el("ul", null, "panel-facts");
      entity.facts.forEach(function (fact) { list.appendChild(renderFact(fact)); });
      panelBody.appendChild(list);
    }).catch(function (error) {
      loading.textContent = String(error);
    });
  }

  /* --- expanding neighbours (double-click) --- */

  var moreBar = document.getElementById("more-bar");
  var moreButton = document.getElementById("more-button");
  var pendingMore = null;
  moreButton.addEventListener("click", function () {
    if (pendingMore) expandNode(pendingMore.id, pendingMore.limit);
  });

  function expandNode(id, limit) {
    fetchJson("/graph.json?focus=" + encodeURIComponent(id) + "&depth=1&limit=" + limit).then(function (part) {
      var centre = network.getPositions([id])[id] || { x: 0, y: 0 };
      var added = part.nodes.filter(function (node) { return !view.byId.has(node.id); });
      added.forEach(function (node, index) {
        var angle = (2 * Math.PI * index) / Math.max(1, added.length);
        var radius = 120 + 6 * added.length;
        node.x = centre.x + radius * Math.cos(angle);
        node.y = centre.y + radius * Math.sin(angle);
        view.byId.set(node.id, node);
      });
      view.nodes.add(added.map(toVisNode));
      part.edge_labels = data.edge_labels;
      data.relations = Object.assign({}, part.relations || {}, data.relations || {});
      var newEdges = part.edges.filter(function (edge) { return !view.edgesById.has(edgeKey(edge)); });
      newEdges.forEach(function (edge) { view.edgesById.set(edgeKey(edge), edge); });
      view.edges.add(newEdges.map(function (edge) { return toVisEdge(edge, part); }));
      if (part.truncated) {
        pendingMore = { id: id, limit: limit + 50 };
        moreButton.textContent = t("more") + " (" + part.nodes.length + "/" + part.total + ")";
        moreBar.hidden = false;
      } else {
        pendingMore = null;
        moreBar.hidden = true;
      }
      updateCounts();
      applyVisibility();
    }).catch(function (error) { console.warn("expanding failed", error); });
  }

  network.on("click", function (event) {
    if (event.nodes.length) openPanel(event.nodes[0]);
  });
  network.on("doubleClick", function (event) {
    if (event.nodes.length) expandNode(event.nodes[0], 50);
  });

  function showNode(id) {
    if (!view.byId.has(id)) {
      location.href = "/?focus=" + encodeURIComponent(id) + "&depth=1";
      return;
    }
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: { duration: 300 } });
    openPanel(id);
  }

  /* --- search with suggestions over labels and aliases --- */

  function localMatches(query, limit) {
    var needle = query.trim().toLocaleLowerCase();
    if (!needle) return [];
    var starts = [];
    var inside = [];
    view.byId.forEach(function (node) {
      var names = [node.label].concat(node.names || []);
      var prefix = null;
      var contained = null;
      for (var i = 0; i < names.length; i++) {
        var low = String(names[i]).toLocaleLowerCase();
        if (low.indexOf(needle) === 0) { prefix = names[i]; break; }
        if (contained === null && low.indexOf(needle) > 0) contained = names[i];
      }
      if (prefix !== null) starts.push({ node: node, matched: prefix });
      else if (contained !== null) inside.push({ node: node, matched: contained });
    });
    var byDegree = function (a, b) { return (b.node.degree || 0) - (a.node.degree || 0); };
    return starts.sort(byDegree).concat(inside.sort(byDegree)).slice(0, limit);
  }

  function remoteMatches(query) {
    return fetchJson("/search.json?q=" + encodeURIComponent(query) + "&limit=10").then(function (answer) {
      return answer.results.map(function (ref) {
        return { node: { id: ref.iri, label: ref.label, group: ref.type }, matched: ref.matched };
      });
    });
  }

  function suggester(input, list, onPick) {
    var current = [];
    var active = -1;
    function render(matches) {
      current = matches;
      active = -1;
      list.replaceChildren();
      if (!matches.length) {
        list.appendChild(el("li", t("search.none"), "muted"));
      }
      matches.forEach(function (match, index) {
        var item = el("li", null, "suggestion");
        item.setAttribute("role", "option");
        item.dataset.index = String(index);
        item.appendChild(el("span", match.node.label, "suggestion-label"));
        if (match.matched && match.matched !== match.node.label) item.appendChild(el("span", " (" + match.matched + ")", "muted"));
        item.appendChild(el("span", " " + (strings["type." + match.node.group] || match.node.group || ""), "muted type"));
        item.addEventListener("mousedown", function (event) { event.preventDefault(); pick(index); });
        list.appendChild(item);
      });
      list.hidden = false;
    }
    function pick(index) {
      var match = current[index];
      if (!match) return;
      input.value = match.node.label;
      input.dataset.iri = match.node.id;
      list.hidden = true;
      onPick(match.node);
    }
    input.addEventListener("input", function () {
      delete input.dataset.iri;
      var query = input.value;
      if (!query.trim()) { list.hidden = true; return; }
      var matches = localMatches(query, 10);
      if (matches.length) render(matches);
      else remoteMatches(query).then(function (found) { if (input.value === query) render(found); });
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) return;
      var items = list.querySelectorAll(".suggestion");
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        active = Math.max(0, Math.min(items.length - 1, active + (event.key === "ArrowDown" ? 1 : -1)));
        items.forEach(function (item, index) { item.classList.toggle("active", index === active); });
      } else if (event.key === "Enter") {
        event.preventDefault();
        pick(active >= 0 ? active : 0);
      } else if (event.key === "Escape") {
        list.hidden = true;
      }
    });
    input.addEventListener("blur", function () { setTimeout(function () { list.hidden = true; }, 150); });
  }

  suggester(document.getElementById("search-input"), document.getElementById("search-suggestions"),
            function (node) { showNode(node.id); });
  document.getElementById("search-form").addEventListener("submit", function (event) { event.preventDefault(); });

  /* --- analytics --- */

  function refItem(ref, extra) {
    var item = el("li");
    var link = el("a", ref.label);
    link.href = ref.href || "#";
    link.addEventListener("click", function (event) { event.preventDefault(); showNode(ref.iri); });
    item.appendChild(link);
    if (extra) item.appendChild(el("span", " " + extra, "muted"));
    return item;
  }

  var analyticsLoaded = false;
  document.getElementById("analytics").addEventListener("toggle", function () {
    if (analyticsLoaded) return;
    analyticsLoaded = true;
    fetchJson("/analytics.json").then(function (result) {
      var connected = document.getElementById("analytics-connected");
      result.most_connected.forEach(function (ref) {
        connected.appendChild(refItem(ref, t("analytics.links", { n: ref.degree })));
      });
      var bridges = document.getElementById("analytics-bridges");
      result.bridging_programmes.forEach(function (ref) {
        bridges.appendChild(refItem(ref, t("analytics.lands", { n: ref.lands, m: ref.members })));
      });
      var groups = document.getElementById("analytics-communities");
      result.communities.forEach(function (group) {
        var item = el("li");
        var link = el("a", group.members.slice(0, 3).map(function (m) { return m.label; }).join(", ") + "…");
        link.href = "#";
        link.addEventListener("click", function (event) {
          event.preventDefault();
          var present = group.ids.filter(function (id) { return view.byId.has(id); });
          network.selectNodes(present);
          network.fit({ nodes: present, animation: { duration: 300 } });
        });
        item.appendChild(link);
        item.appendChild(el("span", " " + t("analytics.members", { n: group.size }), "muted"));
        groups.appendChild(item);
      });
      groups.appendChild(el("p", t("analytics.modularity") + ": " + result.modularity, "muted"));
    }).catch(function (error) { console.warn("analytics failed", error); });
  });

  /* --- how is X connected to Y --- */

  var fromInput = document.getElementById("path-from");
  var toInput = document.getElementById("path-to");
  suggester(fromInput, document.getElementById("path-from-suggestions"), function () {});
  suggester(toInput, document.getElementById("path-to-suggestions"), function () {});
  document.getElementById("path-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var result = document.getElementById("path-result");
    result.replaceChildren();
    if (!fromInput.dataset.iri || !toInput.dataset.iri) return;
    fetchJson("/path.json?from=" + encodeURIComponent(fromInput.dataset.iri) + "&to=" +
              encodeURIComponent(toInput.dataset.iri)).then(function (answer) {
      if (answer.length === null) { result.appendChild(el("p", t("analytics.nopath"))); return; }
      result.appendChild(el("p", t("analytics.steps", { n: answer.length }), "muted"));
      var onPath = new Set();
      answer.paths.forEach(function (path) {
        var line = el("p", null, "path");
        path.nodes.forEach(function (ref, index) {
          onPath.add(ref.iri);
          if (index > 0) {
            var step = path.steps[index - 1];
            var names = step.relations.map(function (r) { return (r.forward ? "→ " : "← ") + r.label; });
            line.appendChild(el("span", " " + names.join(" / ") + " ", "relation"));
          }
          line.appendChild(entityLink(ref));
        });
        result.appendChild(line);
      });
      var present = Array.from(onPath).filter(function (id) { return view.byId.has(id); });
      network.selectNodes(present);
    }).catch(function (error) { result.appendChild(el("p", String(error), "muted")); });
  });
})();

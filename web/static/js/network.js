/* clustergraph: the network viewer.
 *
 * Data comes from <script type="application/json"> blocks the server wrote (never from inline
 * scripts: the Content-Security-Policy forbids them). Every text from the data reaches the page
 * through textContent or as a DOM element built with it, never as HTML: a label such as
 * <img src=x onerror=alert(1)> is shown as those characters.
 *
 * window.CGNetwork.draw(container, data, strings) draws any network (the graph page, see
 * graph_page.js, and the entity page's neighbourhood).
 */
(function () {
  "use strict";

  // phases of drawing, for benchmarks/viewer_draw_bench.py and the browser's performance panel
  function mark(name) {
    if (window.performance && performance.mark) performance.mark("cg:" + name);
  }
  mark("script");

  function readJson(id) {
    var element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function format(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (_, key) {
      return values[key] === undefined ? "{" + key + "}" : String(values[key]);
    });
  }

  function edgeKey(edge) {
    return edge.from + "\u001f" + edge.relation + "\u001f" + edge.to;
  }

  // "2014", "2014-06", "2014-06-18" -> the comparable first day
  function dayOf(date) {
    if (!date) return null;
    date = String(date).slice(0, 10);
    if (date.length === 4) return date + "-01-01";
    if (date.length === 7) return date + "-01";
    return date;
  }

  function nodeTooltip(node, strings) {
    var box = el("div", null, "tooltip");
    box.appendChild(el("strong", node.label));
    var type = strings["type." + node.group] || node.group;
    box.appendChild(el("div", type, "muted"));
    var others = (node.names || []).filter(function (name) { return name !== node.label; });
    if (others.length) box.appendChild(el("div", others.slice(0, 4).join(" · ")));
    return box;
  }

  function edgeTooltip(edge, relations) {
    var text = relations[edge.relation] || edge.relation;
    return el("div", edge.date ? text + " (" + edge.date + ")" : text, "tooltip");
  }

  function nodeSize(node) {
    if (node.group === "Person") return 8;
    return Math.min(30, 10 + 2 * Math.sqrt(node.degree || 0));
  }

  // No title here: vis-network would keep one tooltip element per node and edge (15,000 DOM
  // trees for a 5,000-node graph). Tooltips are built on hover instead (see hoverTooltips).
  function toVisNode(node) {
    var visNode = { id: node.id, label: node.label, group: node.group, size: nodeSize(node) };
    if (node.x !== undefined) { visNode.x = node.x; visNode.y = node.y; }
    return visNode;
  }

  function toVisEdge(edge, data) {
    var relations = data.relations || {};
    return {
      id: edgeKey(edge),
      from: edge.from,
      to: edge.to,
      label: data.edge_labels ? (relations[edge.relation] || edge.relation) : undefined,
    };
  }

  /* One tooltip element per network, filled on hover with textContent (vis-network's own
   * tooltips need a title on every item up front). It carries vis-network's tooltip class, so
   * it looks the same. */
  function hoverTooltips(view, container, strings) {
    var network = view.network;
    var box = el("div", null, "vis-tooltip cg-tooltip");
    box.style.visibility = "hidden";
    box.style.pointerEvents = "none";
    var frame = container.querySelector(".vis-network") || container;
    frame.appendChild(box);
    var timer = null;
    function hide() {
      clearTimeout(timer);
      box.style.visibility = "hidden";
    }
    function showSoon(build, pointer) {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var content = build();
        if (!content) return;
        box.replaceChildren(content);
        box.style.left = (pointer.x + 12) + "px";
        box.style.top = (pointer.y + 12) + "px";
        box.style.visibility = "visible";
      }, 150);
    }
    function showNode(id, pointer) {
      showSoon(function () {
        var node = view.byId.get(id);
        return node ? nodeTooltip(node, strings) : null;
      }, pointer);
    }
    function showEdge(id, pointer) {
      showSoon(function () {
        var edge = view.edgesById.get(id);
        return edge ? edgeTooltip(edge, view.data.relations || {}) : null;
      }, pointer);
    }
    var hover = ((view.data.options || {}).interaction || {}).hover;
    if (hover) {
      network.on("hoverNode", function (event) { showNode(event.node, event.pointer.DOM); });
      network.on("hoverEdge", function (event) { showEdge(event.edge, event.pointer.DOM); });
      network.on("blurNode", hide);
      network.on("blurEdge", hide);
    } else {
      // no hover events (large graphs): once the pointer rests, ask what is under it
      frame.addEventListener("mousemove", function (event) {
        hide();
        var rect = frame.getBoundingClientRect();
        var pointer = { x: event.clientX - rect.left, y: event.clientY - rect.top };
        timer = setTimeout(function () {
          var nodeId = network.getNodeAt(pointer);
          if (nodeId !== undefined) { showNode(nodeId, pointer); return; }
          var edgeId = network.getEdgeAt(pointer);
          if (edgeId !== undefined) showEdge(edgeId, pointer);
        }, 100);
      });
      frame.addEventListener("mouseleave", hide);
    }
    ["dragStart", "zoom", "click"].forEach(function (name) { network.on(name, hide); });
  }

  /* Draw `data` (the dict of /graph.json) into `container`; returns
   * {network, nodes, edges, byId, edgesById} with vis DataSets and the source records. */
  function draw(container, data, strings) {
    var byId = new Map();
    var edgesById = new Map();
    data.nodes.forEach(function (node) { byId.set(node.id, node); });
    data.edges.forEach(function (edge) { edgesById.set(edgeKey(edge), edge); });
    mark("datasets");
    var nodes = new vis.DataSet(data.nodes.map(toVisNode));
    var edges = new vis.DataSet(data.edges.map(function (edge) { return toVisEdge(edge, data); }));
    mark("network");
    var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
    mark("network-built");
    // data-drawn / data-drawn-nodes: the first frame is on screen; data-stable: nodes stay put
    if (data.layout === "physics") {
      network.once("stabilizationIterationsDone", function () {
        network.setOptions({ physics: { enabled: false } });
        container.dataset.stable = "true";
      });
    } else {
      container.dataset.stable = "true";
    }
    network.once("afterDrawing", function () {
      container.dataset.drawnNodes = String(nodes.length);
      container.dataset.drawn = "true";
    });
    var view = { network: network, nodes: nodes, edges: edges, byId: byId, edgesById: edgesById, data: data };
    hoverTooltips(view, container, strings);
    window.CGNetwork.views.push(view); // for the browser tests and the console
    return view;
  }

  window.CGNetwork = { draw: draw, readJson: readJson, el: el, format: format, edgeKey: edgeKey, dayOf: dayOf,
                       toVisNode: toVisNode, toVisEdge: toVisEdge, mark: mark, views: [] };
})();

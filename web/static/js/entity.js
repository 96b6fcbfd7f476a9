/* clustergraph: the entity page's small neighbourhood network.
 * Clicking a neighbour opens its page. Data comes from the #neighbourhood-data JSON block. */
(function () {
  "use strict";
  var container = document.getElementById("neighbourhood");
  if (!container || !window.CGNetwork) return;
  var data = CGNetwork.readJson("neighbourhood-data");
  var strings = CGNetwork.readJson("ui-strings") || {};
  var view = CGNetwork.draw(container, data, strings);
  view.network.on("click", function (event) {
    if (!event.nodes.length) return;
    var node = view.byId.get(event.nodes[0]);
    if (node && node.href && node.href !== location.pathname) location.href = node.href;
  });
})();

// A question's page (/queries/{name}): sort the result table by a column (click its header) and
// show it 100 rows at a time. The table is complete without this script.
(function () {
  "use strict";
  const table = document.getElementById("results");
  if (!table) return;
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const pager = document.getElementById("pager");
  const pageSize = 100;
  let page = 0;

  function render() {
    const pages = Math.max(1, Math.ceil(rows.length / pageSize));
    page = Math.min(page, pages - 1);
    rows.forEach((row, index) => {
      row.hidden = Math.floor(index / pageSize) !== page;
    });
    if (pages <= 1) return;
    pager.hidden = false;
    pager.textContent = "";
    const previous = document.createElement("button");
    previous.type = "button";
    previous.textContent = "‹ previous";
    previous.disabled = page === 0;
    previous.addEventListener("click", () => { page -= 1; render(); });
    const next = document.createElement("button");
    next.type = "button";
    next.textContent = "next ›";
    next.disabled = page >= pages - 1;
    next.addEventListener("click", () => { page += 1; render(); });
    const where = document.createElement("span");
    where.textContent = `page ${page + 1} of ${pages}`;
    pager.append(previous, next, where);
  }

  Array.from(table.tHead.rows[0].cells).forEach((header, column) => {
    let ascending = true;
    header.title = "Sort by this column";
    header.addEventListener("click", () => {
      const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
      rows.sort((a, b) => {
        const order = collator.compare(a.cells[column].textContent, b.cells[column].textContent);
        return ascending ? order : -order;
      });
      ascending = !ascending;
      rows.forEach((row) => body.appendChild(row));
      page = 0;
      render();
    });
  });
  render();
})();

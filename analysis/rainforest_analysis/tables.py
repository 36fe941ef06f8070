"""The numbers beside each figure of a report: HTML tables (sortable by a click on a header, with a
few lines of script and no external library: reports are read offline) and the note saying how
many simulated events a count scaled to the real city rests on."""
import html

import numpy as np

# A count resting on fewer simulated events than this is marked: its relative sampling error is
# about 1 / sqrt(events), above 18 % below 30 events.
FEW_EVENTS = 30

SORT_SCRIPT = """
// Sorts a table by the clicked column (numbers numerically, text alphabetically; again: reversed).
document.querySelectorAll("table.sortable th").forEach(function (th, column) {
  th.addEventListener("click", function () {
    var body = th.closest("table").tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var down = th.getAttribute("data-order") !== "up";
    th.setAttribute("data-order", down ? "up" : "down");
    function key(row) {
      var text = row.cells[column].getAttribute("data-value") || row.cells[column].textContent;
      var number = parseFloat(text);
      return isNaN(number) ? text : number;
    }
    rows.sort(function (a, b) {
      var x = key(a), y = key(b);
      var order = (typeof x === "number" && typeof y === "number") ? x - y : String(x).localeCompare(String(y));
      return down ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  });
});
"""


def few(events):
    """True when a count rests on fewer than FEW_EVENTS simulated events."""
    return events < FEW_EVENTS


def rests_on(events, runs, scale):
    """How a count scaled to the real city was made, e.g. '7 simulated in 30 runs x 100 (few events)':
    `events` simulated events (or firms) summed over `runs` runs, each run scaled up by 1 / `scale`."""
    text = f"{int(round(events)):,} simulated in {runs} runs x {1.0 / scale:g}"
    return text + (" (few events)" if few(events) else "")


def _cell(value):
    if isinstance(value, (float, np.floating)):
        if np.isnan(value):
            return '<td data-value="">-</td>'
        shown = f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.4g}"
        return f'<td data-value="{value!r}">{html.escape(shown)}</td>'
    if isinstance(value, (int, np.integer)):
        return f'<td data-value="{int(value)}">{int(value):,}</td>'
    return f"<td>{html.escape(str(value))}</td>"


def html_table(frame, name):
    """A sortable HTML table of a DataFrame; rows whose 'rests on' note says few events are marked."""
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    rows = []
    for _, row in frame.iterrows():
        marked = any(isinstance(v, str) and v.endswith("(few events)") for v in row)
        cls = ' class="few"' if marked else ""
        rows.append(f"<tr{cls}>" + "".join(_cell(v) for v in row) + "</tr>")
    return (f'<details open><summary>numbers of {html.escape(name)} ({len(frame)} rows; click a header to '
            f'sort)</summary><table class="sortable" data-figure="{html.escape(name)}"><thead><tr>{head}</tr>'
            f'</thead><tbody>{"".join(rows)}</tbody></table></details>')

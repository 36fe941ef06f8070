"""`rainforest report FILE.h5 --out DIR`: an HTML report (index.html + PNG figures, each with the
table of its numbers beside it) chosen by what the file holds. Run as:
python3 -m rainforest_analysis.report FILE.h5 DIR"""
import html
import os
import sys

import numpy as np
import pandas as pd

from . import command, demography, figures, figures_events, figures_firms, figures_policy, figures_sweep
from .key_counts import key_counts
from .reader import RainforestFile
from .tables import FEW_EVENTS, SORT_SCRIPT, html_table

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: sans-serif; max-width: 1500px; margin: 2em auto; color: #222; }}
header {{ background: #f3f5f7; padding: 1em 1.5em; border-radius: 6px; }}
header dt {{ font-weight: bold; float: left; width: 11em; }} header dd {{ margin-left: 12em; }}
section {{ display: flex; flex-wrap: wrap; gap: 1.5em; margin: 2em 0; align-items: flex-start; }}
figure {{ flex: 3 1 600px; margin: 0; }} figcaption {{ color: #444; margin-top: .5em; }}
section > details {{ flex: 2 1 400px; max-height: 640px; overflow: auto; }}
img {{ max-width: 100%; border: 1px solid #ddd; }} code {{ font-size: 90%; }}
table {{ border-collapse: collapse; font-size: 80%; }} th, td {{ border: 1px solid #ddd; padding: 2px 6px; }}
th {{ background: #eef; cursor: pointer; position: sticky; top: 0; }} td {{ text-align: right; }}
tr.few td {{ background: #fff4d6; }}
</style></head>
<body data-images-ok="pending" data-tables-ok="pending">
<h1>{title}</h1>
<header><dl>{provenance}</dl></header>
<p>Counts are for the real city: a run at scale s is multiplied by 1/s. Each count says how many
simulated events (or firms) it rests on; rows resting on fewer than {few} are shaded and marked
"(few events)": their relative sampling error is above about 1/&radic;{few}, 18 %.</p>
{body}
<script>
// Marks the page once every figure has loaded (the browser test reads this).
window.addEventListener("load", function () {{
  var images = Array.prototype.slice.call(document.images);
  var ok = images.length > 0 && images.every(function (i) {{ return i.complete && i.naturalWidth > 0; }});
  document.body.setAttribute("data-images-ok", ok ? "yes" : "no");
  // and whether every figure has the table of its numbers beside it, with rows
  var sections = Array.prototype.slice.call(document.querySelectorAll("section"));
  var tables = sections.length > 0 && sections.every(function (s) {{
    var t = s.querySelector("table.sortable");
    return t !== null && t.tBodies[0].rows.length > 0;
  }});
  document.body.setAttribute("data-tables-ok", tables ? "yes" : "no");
}});
{sort_script}
</script>
</body></html>
"""


def _section(name, caption, table):
    figure = (f'<figure><img src="{html.escape(name)}" alt="{html.escape(caption)}">'
              f"<figcaption>{html.escape(caption)}</figcaption></figure>") if name else ""
    return f'<section id="{html.escape(name or caption)}">{figure}{html_table(table, name or caption)}</section>'


def _provenance(rf):
    p = rf.provenance()
    rows = [("file", rf.path), ("kind", rf.kind), ("rainforest", p["rainforest_version"]),
            ("git commit", p["git_commit"]), ("created (UTC)", p["created_utc"]), ("command", p["command_line"]),
            ("base seed", p["base_seed"])]
    for name in rf.groups():
        seeds = rf.runs(name)["seed"].to_numpy()
        scenario, _ = rf.scenario(name)
        label = scenario.get("name", name)
        rows.append((f"scenario {name}", f"{label}, scale {rf.scale(name):g}, {len(seeds)} runs, seeds "
                     f"{', '.join(str(s) for s in seeds[:3])}{' ...' if len(seeds) > 3 else ''}"))
    return "".join(f"<dt>{html.escape(k)}</dt><dd><code>{html.escape(str(v))}</code></dd>" for k, v in rows)


def _comparison(rf, add):
    add("timeseries.png", "Key outcomes per scenario over time: mean over runs with a 95 % band; the table gives the "
        "last month.", figures.time_series, rf)
    paired = not rf.paired().empty
    add("forest.png", "Differences of key outcomes and their rates per initial firm, relative to the first scenario, "
        f"with 95 % intervals ({'paired t: the scenarios share seeds' if paired else 'Welch: independent seeds'}); "
        f"p-values adjusted across the outcomes by the {rf.correction() or 'no'} correction.", figures.forest, rf)
    if not rf.null_chance().empty:
        add("null.png", "Null model (compare --null): how often two identical copies of the first scenario differ by "
            "at least each observed difference; share = pairs at least as far apart / pairs.", figures.null_model, rf)
    if not rf.decomposition().empty:
        add("shapley.png", "Shapley decomposition of the gap between the first two scenarios by lever group, with "
            "95 % intervals over runs, the unexplained residual and the observed gap.", figures.shapley, rf)


def _sweep(rf, add):
    sens = rf.sensitivity()
    by_run = rf.outcome_by_run()
    for analysis in (sorted(set(sens["outcome"])) if not sens.empty else []):
        methods = set(sens[sens.outcome == analysis]["method"])
        if "sobol" in methods:
            add(f"tornado_{analysis}.png", f"Total and first-order Sobol indices of {analysis} with 95 % bootstrap "
                "intervals, largest first.", figures_sweep.tornado, rf, analysis)
        if "morris" in methods:
            add(f"morris_{analysis}.png", f"Morris screening of {analysis}: mean absolute effect against its "
                "spread.", figures_sweep.morris_plane, rf, analysis)
        if analysis in by_run:
            add(f"response_{analysis}.png", f"{analysis} at every design point against each swept parameter (one "
                "dot per point, the mean of its replicates; nothing pooled over points).", figures_sweep.response, rf,
                analysis, by_run[analysis])
    if not by_run:
        births = sum(rf.series_array(m).sum(axis=(1, 2)) for m in
                     ("births_graduate", "births_academic", "births_corporate", "births_refounder")) / rf.scale()
        add("response.png", "Startup births over the run (real city) at every design point against each swept "
            "parameter (run `rainforest analyze` to draw its outcomes).", figures_sweep.response, rf,
            "startup births (real city)", pd.Series(births, index=np.arange(len(births))))


def _firms(rf, add):
    if not rf.firms().empty:
        add("firm_sizes.png", "Firm sizes as a log-log complementary CDF with the fitted power-law tail.",
            figures_firms.firm_sizes, rf)
    hist = figures_events.histories(rf)
    if hist:
        add("survival.png", "Survival of firms founded during the run (Kaplan-Meier with log-log 95 % intervals, "
            "runs pooled); the table reads the curves at 1, 3 and 5 years.", figures_events.survival, rf, hist)
        add("hazard.png", "Hazard of failure by year of age (life table) with 95 % binomial intervals.",
            figures_events.hazard, rf, hist)
        # A short or small run may resolve no funded firm (funds back about one seeker in a
        # hundred, docs/MODEL.md 7.12): then there are no multiples to draw.
        if any(not demography.exit_multiples(rf.events(name)).empty for name in hist):
            add("multiples.png", "Exit multiples of funded firms: IPOs, acquisitions and failures (at 0).",
                figures_events.multiples, rf)
        add("adoption_sectors.png", "AI adoption by sector, from the event log.", figures_events.adoption_by_sector, rf)
    add("adoption.png", "AI adoption over time in each region.", figures_firms.adoption, rf)
    add("graduates.png", "Graduates who stay, leave and arrive, per region (real city, mean over runs).",
        figures_firms.graduate_flows, rf)
    if len(rf.ties()) > 0:
        add("network.png", "The inter-firm network around the five largest firms at the end of run 0, drawn at "
            "the firms' locations.", figures_firms.network, rf)


def _caption(name, caption, table):
    """Captions that depend on the numbers drawn."""
    if name == "firm_sizes.png" and table.attrs.get("exponent") is not None:
        return caption[:-1] + f" (Zipf exponent {table.attrs['exponent']:.2f})."
    if name == "adoption.png":
        return caption[:-1] + f": {table.attrs['shape']} (S-curve test: a fitted logistic's inflection inside the " \
            "window, fitting at least twice as well as a line)."
    if name == "network.png":
        nodes, ties = table.attrs["counts"]
        return caption[:-1] + f" ({nodes} firms, {ties} ties)."
    return caption


def write_report(path, out_dir):
    """Writes out_dir/index.html and its figures; returns the list of (file, caption, table) with
    file "" for a table without a figure."""
    os.makedirs(out_dir, exist_ok=True)
    made = []

    def add(name, caption, draw, *args):
        table = draw(*args, os.path.join(out_dir, name) if name else None)
        made.append((name, _caption(name, caption, table), table))

    with RainforestFile(path) as rf:
        if "firms_alive" in rf.metrics() and rf.kind != "sweep":  # a sweep's runs differ by design point
            add("", "Key counts per scenario (real city: mean over runs, 95 % interval), each with the simulated "
                "events it rests on.", lambda path: key_counts(rf))
        if rf.kind == "compare":
            _comparison(rf, add)
        if rf.kind == "sweep":
            _sweep(rf, add)
        if "firms_alive" in rf.metrics():
            if rf.kind != "sweep":
                add("timeline.png", "Policy timeline of each scenario: which lever is on (non-zero) when, from "
                    "the resolved scenario and its dated changes.", figures_policy.timeline, rf)
            _firms(rf, add)
        title = f"rainforest report: {os.path.basename(path)}"
        body = "\n".join(_section(n, c, t) for n, c, t in made)
        page = PAGE.format(title=html.escape(title), provenance=_provenance(rf), body=body, few=FEW_EVENTS,
                           sort_script=SORT_SCRIPT)
    with open(os.path.join(out_dir, "index.html"), "w", encoding="utf-8") as out:
        out.write(page)
    return made


def _summary(out_dir, made):
    yield f"wrote {os.path.join(out_dir, 'index.html')} with {sum(1 for n, _, _ in made if n)} figures:"
    for name, caption, _ in made:
        yield f"  {name or 'table'}: {caption}"


def main(argv):
    return command.run("report", argv, write_report, _summary)


if __name__ == "__main__":
    np.seterr(all="ignore")
    sys.exit(main(sys.argv))

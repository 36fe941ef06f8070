"""`rainforest report FILE.h5 --out DIR`: an HTML report (index.html + PNG figures) chosen by what
the file holds. Run as: python3 -m rainforest_analysis.report FILE.h5 DIR"""
import html
import os
import sys

import numpy as np

from . import command, figures
from .reader import RainforestFile

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: sans-serif; max-width: 1100px; margin: 2em auto; color: #222; }}
header {{ background: #f3f5f7; padding: 1em 1.5em; border-radius: 6px; }}
header dt {{ font-weight: bold; float: left; width: 11em; }} header dd {{ margin-left: 12em; }}
figure {{ margin: 2em 0; }} figcaption {{ color: #444; margin-top: .5em; }}
img {{ max-width: 100%; border: 1px solid #ddd; }} code {{ font-size: 90%; }}
</style></head>
<body data-images-ok="pending">
<h1>{title}</h1>
<header><dl>{provenance}</dl></header>
{body}
<script>
// Marks the page once every figure has loaded (the browser test reads this).
window.addEventListener("load", function () {{
  var images = Array.prototype.slice.call(document.images);
  var ok = images.length > 0 && images.every(function (i) {{ return i.complete && i.naturalWidth > 0; }});
  document.body.setAttribute("data-images-ok", ok ? "yes" : "no");
}});
</script>
</body></html>
"""


def _figure(name, caption):
    return (f'<figure><img src="{html.escape(name)}" alt="{html.escape(caption)}">'
            f"<figcaption>{html.escape(caption)}</figcaption></figure>")


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


def write_report(path, out_dir):
    """Writes out_dir/index.html and its figures; returns the list of (file, caption)."""
    os.makedirs(out_dir, exist_ok=True)
    made = []

    def add(name, caption, draw, *args):
        result = draw(*args, os.path.join(out_dir, name))
        made.append((name, caption))
        return result

    with RainforestFile(path) as rf:
        if rf.kind == "compare":
            add("timeseries.png", "Key outcomes per scenario over time: mean over runs with a 95 % band.",
                figures.time_series, rf)
            add("forest.png", "Differences of key outcomes and their rates per initial firm, relative to the first "
                "scenario, with 95 % intervals (paired when the scenarios share seeds, else Welch).", figures.forest, rf)
            if not rf.decomposition().empty:
                add("shapley.png", "Shapley decomposition of the gap between the first two scenarios by lever group.",
                    figures.shapley, rf)
        if rf.kind == "sweep":
            sens = rf.sensitivity()
            if not sens.empty and (sens.method == "sobol").any():
                add("tornado.png", "Total and first-order Sobol indices, largest first (tornado chart).",
                    figures.tornado, rf)
            if not sens.empty and (sens.method == "morris").any():
                add("morris.png", "Morris screening: mean absolute effect against its spread.", figures.morris_plane, rf)
            add("response.png", "Startup births at each design point against each swept parameter.",
                figures.response_curves, rf)
        if "firms_alive" in rf.metrics():
            if not rf.firms().empty:
                exponent = add("firm_sizes.png", "", figures.firm_sizes, rf)
                made[-1] = ("firm_sizes.png", "Firm sizes as a log-log complementary CDF with the fitted power-law tail"
                            + (f" (Zipf exponent {exponent:.2f})." if exponent is not None else "."))
            add("adoption.png", "AI adoption over time in each region (S-curves).", figures.adoption, rf)
            add("graduates.png", "Graduates who stay, leave and arrive, per region.", figures.graduate_flows, rf)
            if len(rf.ties()) > 0:
                nodes, ties = add("network.png", "", figures.network, rf)
                made[-1] = ("network.png", f"The inter-firm network around the five largest firms at the end of run 0 "
                            f"({nodes} firms, {ties} ties), drawn at the firms' locations.")
        title = f"rainforest report: {os.path.basename(path)}"
        body = "\n".join(_figure(n, c) for n, c in made)
        page = PAGE.format(title=html.escape(title), provenance=_provenance(rf), body=body)
    with open(os.path.join(out_dir, "index.html"), "w", encoding="utf-8") as out:
        out.write(page)
    return made


def _summary(out_dir, made):
    yield f"wrote {os.path.join(out_dir, 'index.html')} with {len(made)} figures:"
    for name, caption in made:
        yield f"  {name}: {caption}"


def main(argv):
    return command.run("report", argv, write_report, _summary)


if __name__ == "__main__":
    np.seterr(all="ignore")
    sys.exit(main(sys.argv))

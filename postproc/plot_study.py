#!/usr/bin/python3
"""study.png from the results.csv of an `ebweld study`: the main results
(melt depth, half-width, length, peak temperature, and the target-depth
current when the study asked for it) against each swept parameter, one
column of panels per parameter. On a grid of several parameters, the cases
that share the other parameters' values are joined by a line. Failed cases
are marked on the horizontal axis. `ebweld study` calls it itself; run it
by hand to redraw.

Usage: postproc/plot_study.py RESULTS_CSV PNG PARAMETER...
       (PARAMETER: a swept input, as its results.csv column names it)
"""
import sys
from collections import defaultdict

from plot_common import plt, rows, save

# (column, axis label, factor to the plotted unit)
RESULTS = [
    ("melt_depth_m", "melt depth [um]", 1e6),
    ("melt_half_width_m", "melt half-width [um]", 1e6),
    ("melt_length_m", "melt length [um]", 1e6),
    ("peak_temperature_K", "peak temperature [K]", 1.0),
    ("current_for_target_depth_A", "current for the target depth [mA]", 1e3),
]


def number(text):
    try:
        return float(text)
    except ValueError:
        return None


def order(values):
    """Sort key of a tuple of parameter values: numbers by value, before texts."""
    return [(0, number(v), "") if number(v) is not None else (1, 0.0, v) for v in values]


def axis_values(cases, parameter):
    """Numbers for the parameter's values: the values themselves, or the
    position of each distinct text (a material name, say) with its label."""
    values = [c[parameter] for c in cases]
    if all(number(v) is not None for v in values):
        return [number(v) for v in values], None
    labels = sorted(set(values))
    return [labels.index(v) for v in values], labels


def plotted_results(ok):
    return [r for r in RESULTS if any(number(c.get(r[0], "")) is not None for c in ok)]


def mark_failed(ax, failed, parameter):
    """Red crosses on the bottom of the panel at the failed cases' values."""
    x = [number(c[parameter]) for c in failed if number(c[parameter]) is not None]
    if x:
        bottom = ax.get_ylim()[0]
        ax.plot(x, [bottom] * len(x), "x", color="red", ms=7, clip_on=False, label="failed")


def plot(path, png, parameters):
    cases = rows(path)
    ok = [c for c in cases if c["status"] == "ok"]
    failed = [c for c in cases if c["status"] != "ok"]
    results = plotted_results(ok)
    if not ok or not results:
        sys.exit(f"{path}: no finished case with results to plot")
    fig, axes = plt.subplots(len(results), len(parameters), squeeze=False, layout="constrained",
                             figsize=(3.6 * len(parameters) + 1, 2.4 * len(results) + 0.8))
    for column, parameter in enumerate(parameters):
        x, labels = axis_values(ok, parameter)
        others = [p for p in parameters if p != parameter]
        for row, (key, label, factor) in enumerate(results):
            ax = axes[row][column]
            lines = defaultdict(list)
            for xi, c in zip(x, ok):
                y = number(c.get(key, ""))
                if y is not None:
                    lines[tuple(c[p] for p in others)].append((xi, y * factor))
            for rest, points in sorted(lines.items(), key=lambda item: order(item[0])):
                name = ", ".join(f"{p} = {v}" for p, v in zip(others, rest))
                ax.plot(*zip(*sorted(points)), "o-", ms=4, label=name or None)
            if labels is None:
                mark_failed(ax, failed, parameter)
            if labels:
                ax.set_xticks(range(len(labels)), labels)
            ax.grid(alpha=0.3)
            if column == 0:
                ax.set_ylabel(label)
            if row == len(results) - 1:
                ax.set_xlabel(parameter)
        if others and len(lines) <= 8:
            axes[0][column].legend(fontsize=7)
    fig.suptitle(f"{len(ok)} of {len(cases)} cases ({len(failed)} failed): {path}", fontsize=9)
    save(fig, png)


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    plot(sys.argv[1], sys.argv[2], sys.argv[3:])

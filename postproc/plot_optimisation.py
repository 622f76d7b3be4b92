#!/usr/bin/python3
"""Plots of an `ebweld optimize` run, which calls it itself (Output/Write
picture); run it by hand to redraw.

  process_window.png     the heat input over (Pe, R/z_m) as a map, where the
                         surface would boil (T_surf >= T_boil) and, where the
                         points report it, where a keyhole is likely (keyhole
                         indicator >= 1) hatched, the optimum of each Pe and
                         the overall one marked
  heat_input.png         heat input V I / U against R/z_m, one curve per Peclet
                         number, the least heat input of each marked
  cross_section_*.png    the weld cross-sections written for chosen points:
                         temperature in the plane normal to the travel
                         direction with the melting isotherm

Usage: postproc/plot_optimisation.py OUTPUT_DIR [T_MELT_K]   (default 1687 K, Si)
"""
import glob
import math
import os
import sys

from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator
from matplotlib.tri import Triangulation

from plot_common import plt, rows, save


def grid_points(directory):
    return [r for r in rows(os.path.join(directory, "optimisation.csv"))
            if r["kind"] == "grid" and r["status"] == "ok"]


def hatch_above_one(ax, triangulation, values, hatch, label, handles):
    """Hatches where the interpolated `values` reach 1 (boiling, keyhole)."""
    if max(values) >= 1.0:
        ax.tricontourf(triangulation, values, levels=[1.0, max(values) * 1.01], colors="none",
                       hatches=[hatch])
        ax.tricontour(triangulation, values, levels=[1.0], colors="white", linewidths=1.2)
        handles.append(Patch(facecolor="none", edgecolor="k", hatch=hatch, label=label))


def process_window_plot(directory):
    """Heat input over (Pe, R/z_m), Pe on a log axis; needs two Peclet
    numbers and three points to draw a map."""
    points = grid_points(directory)
    pe = [float(r["peclet_number"]) for r in points]
    if len(set(pe)) < 2 or len(points) < 3:
        print("process window: needs at least two Peclet numbers with solved points")
        return
    x = [math.log10(v) for v in pe]
    y = [float(r["range_over_target_depth"]) for r in points]
    heat = [float(r["heat_input_J_per_m"]) for r in points]
    triangulation = Triangulation(x, y)
    fig, ax = plt.subplots(figsize=(7, 4.8), layout="constrained")
    filled = ax.tricontourf(triangulation, heat, levels=24, cmap="viridis")
    ax.plot(x, y, ".", color="k", ms=3)
    handles = []
    hatch_above_one(ax, triangulation, [float(r["peak_surface_over_boiling"]) for r in points],
                    "//", "surface would boil (T_surf >= T_boil)", handles)
    if all(r.get("keyhole_indicator", "") not in ("", "nan") for r in points):
        hatch_above_one(ax, triangulation, [float(r["keyhole_indicator"]) for r in points],
                        "xx", "keyhole likely (indicator >= 1)", handles)
    optima = rows(os.path.join(directory, "optimum.csv"))
    for o in optima:
        ax.plot(math.log10(float(o["peclet_number"])), float(o["range_over_target_depth"]), "*",
                ms=12, color="white", mec="k")
    if optima:
        best = min(optima, key=lambda o: float(o["heat_input_J_per_m"]))
        ax.plot(math.log10(float(best["peclet_number"])), float(best["range_over_target_depth"]),
                "*", ms=22, color="gold", mec="k")
        handles.append(plt.Line2D([], [], marker="*", ls="", color="white", mec="k", ms=12,
                                  label="least heat input at each Pe"))
        handles.append(plt.Line2D([], [], marker="*", ls="", color="gold", mec="k", ms=16,
                                  label=f"overall: {float(best['heat_input_J_per_m']):.4g} J/m, "
                                        f"{float(best['beam_voltage_V']) / 1e3:.3g} kV, "
                                        f"{float(best['beam_current_A']) * 1e3:.3g} mA"))
    ticks = sorted(set(pe))
    ax.set_xticks([math.log10(v) for v in ticks], [f"{v:g}" for v in ticks])
    ax.set_xlabel("Peclet number U d / (2 alpha)")
    ax.set_ylabel("electron range / target melt depth, R / z_m")
    ax.set_title("process window: heat input V I / U for the target melt depth")
    # room for the markers on the edges of the grid
    pad_x, pad_y = 0.04 * (max(x) - min(x)), 0.04 * (max(y) - min(y))
    ax.set_xlim(min(x) - pad_x, max(x) + pad_x)
    ax.set_ylim(min(y) - pad_y, max(y) + pad_y)
    bar = fig.colorbar(filled, ax=ax, label="heat input [J/m]", format="%.3g")
    bar.locator = MaxNLocator(8)
    bar.update_ticks()
    ax.legend(handles=handles, fontsize=8, loc="upper right", framealpha=0.9)
    save(fig, os.path.join(directory, "process_window.png"))


def heat_input_plot(directory):
    points = grid_points(directory)
    optima = rows(os.path.join(directory, "optimum.csv"))
    fig, ax = plt.subplots(figsize=(6, 4))
    for pe in sorted({float(r["peclet_number"]) for r in points}):
        curve = sorted((float(r["range_over_target_depth"]), float(r["heat_input_J_per_m"]))
                       for r in points if float(r["peclet_number"]) == pe)
        line, = ax.plot(*zip(*curve), "o-", label=f"Pe = {pe:g}")
        for o in optima:
            if float(o["peclet_number"]) == pe:
                ax.plot(float(o["range_over_target_depth"]), float(o["heat_input_J_per_m"]),
                        "*", ms=14, color=line.get_color(), mec="k")
    ax.set_xlabel("electron range / target melt depth, R / z_m")
    ax.set_ylabel("heat input V I / U [J/m]")
    ax.set_title("least heat input (stars) for the target melt depth")
    ax.legend()
    ax.grid(alpha=0.3)
    save(fig, os.path.join(directory, "heat_input.png"))


def cross_section_plots(directory, melting_K):
    for path in sorted(glob.glob(os.path.join(directory, "cross_section_*.csv"))):
        data = rows(path)
        y = [float(r["y_m"]) * 1e6 for r in data]
        z = [float(r["z_m"]) * 1e6 for r in data]
        T = [float(r["temperature_K"]) for r in data]
        # mirror the half domain about the symmetry plane y = 0
        y, z, T = [-v for v in y] + y, z + z, T + T
        fig, ax = plt.subplots(figsize=(6, 3.5))
        filled = ax.tricontourf(y, z, T, levels=30, cmap="inferno")
        ax.tricontour(y, z, T, levels=[melting_K], colors="cyan", linewidths=1.5)
        fig.colorbar(filled, ax=ax, label="temperature [K]")
        half = 3 * max(abs(v) for v, t in zip(y, T) if t >= melting_K) if max(T) >= melting_K else 20
        ax.set_xlim(-half, half)
        ax.set_ylim(min(half, max(z)), 0)
        ax.set_xlabel("y [um]")
        ax.set_ylabel("depth z [um]")
        name = os.path.basename(path)[:-4]
        pe, ratio = name.replace("cross_section_Pe", "").split("_R")
        ax.set_title(f"Pe {pe}, R/z_m {ratio}: melting isotherm in cyan")
        ax.set_aspect("equal")
        save(fig, os.path.join(directory, name + ".png"))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    process_window_plot(sys.argv[1])
    heat_input_plot(sys.argv[1])
    cross_section_plots(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 1687.0)

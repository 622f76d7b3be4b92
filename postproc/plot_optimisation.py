#!/usr/bin/python3
"""Plots of an `ebweld optimize` run (issue 3).

  heat_input.png         heat input V I / U against R/z_m, one curve per Peclet
                         number, the least heat input of each marked
  cross_section_*.png    the weld cross-sections written for chosen points:
                         temperature in the plane normal to the travel
                         direction with the melting isotherm

Usage: postproc/plot_optimisation.py OUTPUT_DIR [T_MELT_K]   (default 1687 K, Si)
"""
import glob
import os
import sys

from plot_common import plt, rows, save


def heat_input_plot(directory):
    points = [r for r in rows(os.path.join(directory, "optimisation.csv"))
              if r["kind"] == "grid" and r["status"] == "ok"]
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
    heat_input_plot(sys.argv[1])
    cross_section_plots(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 1687.0)

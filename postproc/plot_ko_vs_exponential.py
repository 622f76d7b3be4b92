#!/usr/bin/python3
"""Kanaya-Okayama versus exponential decay (issue 3), from the two runs of
cases/ko_vs_exponential:

  depth_profiles.png      (T - T0)/(T_m - T0) of the hottest point at each depth
                          under the target-depth current, Pe = 1, 100, 1000
  surface_temperature.png (T_surface,max - T0)/(T_m - T0) against Pe
  ko_vs_exponential.csv   the data of the second plot

Usage: postproc/plot_ko_vs_exponential.py KO_OUTPUT_DIR EXPONENTIAL_OUTPUT_DIR [T0_K T_MELT_K]
"""
import csv
import os
import sys

from plot_common import plt, rows, save


def main(ko_dir, exp_dir, t0, t_melt):
    runs = {"Kanaya-Okayama": ko_dir, "exponential decay": exp_dir}
    out_dir = os.path.dirname(os.path.abspath(ko_dir))
    fig, ax = plt.subplots(figsize=(6, 4))
    for (name, directory), style in zip(runs.items(), ["-", "--"]):
        for pe in ["1", "100", "1000"]:
            path = os.path.join(directory, f"depth_profile_Pe{pe}_R2.csv")
            if not os.path.exists(path):
                continue
            data = rows(path)
            ax.plot([float(r["normalised_rise"]) for r in data],
                    [float(r["z_m"]) * 1e6 for r in data], style, label=f"{name}, Pe = {pe}")
    ax.axvline(1.0, color="k", lw=0.8)
    ax.axhline(2.5, color="grey", lw=0.8, ls=":")
    ax.set_ylim(10, 0)
    ax.set_xlabel("(T_max(z) - T0) / (T_m - T0)")
    ax.set_ylabel("depth z [um]")
    ax.set_title("hottest temperature at each depth, z_m = 2.5 um, R / z_m = 2")
    ax.legend(fontsize=7)
    save(fig, os.path.join(out_dir, "depth_profiles.png"))

    fig, ax = plt.subplots(figsize=(6, 4))
    table = []
    for name, directory in runs.items():
        points = sorted((float(r["peclet_number"]),
                         (float(r["peak_surface_temperature_K"]) - t0) / (t_melt - t0))
                        for r in rows(os.path.join(directory, "optimisation.csv"))
                        if r["kind"] == "grid" and r["status"] == "ok")
        ax.semilogx(*zip(*points), "o-", label=name)
        table += [(name, pe, value) for pe, value in points]
    ax.set_xlabel("Peclet number U d / alpha")
    ax.set_ylabel("(T_surface,max - T0) / (T_m - T0)")
    ax.set_title("peak surface temperature at the target-depth current")
    ax.legend()
    ax.grid(alpha=0.3, which="both")
    save(fig, os.path.join(out_dir, "surface_temperature.png"))
    path = os.path.join(out_dir, "ko_vs_exponential.csv")
    with open(path + ".tmp", "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["source", "peclet_number", "normalised_peak_surface_temperature"])
        writer.writerows(table)
    os.replace(path + ".tmp", path)
    print("wrote", path)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    extra = [float(v) for v in sys.argv[3:5]] or [300.0, 1687.0]
    main(sys.argv[1], sys.argv[2], *extra)

#!/usr/bin/python3
"""melt_pool.png from the melt_pool_sections.json that `ebweld run` writes:
the top surface, the longitudinal section under the beam's path and the
cross-section where the pool is widest, coloured by temperature, with the
fusion line (the solidus) drawn and the liquidus dashed where they differ.
`ebweld run` calls it itself; run it by hand to redraw.

Usage: postproc/plot_melt_pool.py SECTIONS_JSON [PNG]
       (default PNG: melt_pool.png beside SECTIONS_JSON)
"""
import json
import os
import sys

from plot_common import plt, save

import numpy as np

UM = 1e6  # metres to micrometres
# a section more elongated than this is drawn stretched across its length
MAX_TRUE_ASPECT = 6.0


def section_grid(section, mirror_first=False, mirror_second=False):
    """The section's coordinates [um] and temperatures as a 2-D array
    (rows: second axis). The solve covers the half y >= 0; a mirrored axis
    is reflected about y = 0 to show the whole weld."""
    first = np.array(section["first_m"]) * UM
    second = np.array(section["second_m"]) * UM
    T = np.array(section["temperature_K"]).reshape(len(second), len(first))
    if mirror_first:
        first = np.concatenate((-first[:0:-1], first))
        T = np.concatenate((T[:, :0:-1], T), axis=1)
    if mirror_second:
        second = np.concatenate((-second[:0:-1], second))
        T = np.concatenate((T[:0:-1, :], T), axis=0)
    return first, second, T


def draw(ax, first, second, T, norm, isotherms, aspect_note):
    image = ax.pcolormesh(first, second, T, cmap="inferno", norm=norm, shading="gouraud")
    for level, style in isotherms:
        if T.min() < level <= T.max():
            ax.contour(first, second, T, levels=[level], colors="cyan", linestyles=style,
                       linewidths=1.4)
    width, height = np.ptp(first), np.ptp(second)
    if max(width, height) <= MAX_TRUE_ASPECT * min(width, height):
        ax.set_aspect("equal")
    else:
        aspect_note.append(ax)
    return image


def title(d):
    """The key numbers of the run, as its summary gives them."""
    process = (f"{d['material']}, {d['beam_voltage_V'] / 1e3:g} kV, "
               f"{d['beam_current_A'] * 1e3:.4g} mA, {d['travel_speed_m_per_s']:.4g} m/s")
    if not d["melted"]:
        return (f"{process}\nno melting: peak {d['peak_temperature_K']:.0f} K, "
                f"below the solidus {d['solidus_temperature_K']:.0f} K")
    return (f"{process}\nmelt depth {d['melt_depth_m'] * UM:.3g} um, half-width "
            f"{d['melt_half_width_m'] * UM:.3g} um, length {d['melt_length_m'] * UM:.3g} um, "
            f"peak {d['peak_temperature_K']:.0f} K")


def plot(d, path):
    top = section_grid(d["top_surface"], mirror_second=True)
    longitudinal = section_grid(d["longitudinal"])
    cross = section_grid(d["cross_section"], mirror_first=True)
    norm = plt.Normalize(d["initial_temperature_K"],
                         max(s[2].max() for s in (top, longitudinal, cross)))
    isotherms = [(d["solidus_temperature_K"], "solid")]
    if d["liquidus_temperature_K"] > d["solidus_temperature_K"]:
        isotherms.append((d["liquidus_temperature_K"], "dashed"))

    fig, axes = plt.subplots(3, 1, figsize=(7.5, 10), layout="constrained",
                             gridspec_kw={"height_ratios": [1, 1, 1.3]})
    stretched = []
    image = draw(axes[0], *top, norm, isotherms, stretched)
    draw(axes[1], *longitudinal, norm, isotherms, stretched)
    draw(axes[2], *cross, norm, isotherms, stretched)
    for ax in axes[:2]:
        ax.axvline(0.0, color="white", lw=0.8, ls=":")
        ax.set_xlabel("xi = x - U t [um]  (beam at 0, travelling to +xi)")
    axes[0].set_ylabel("y [um]")
    axes[0].set_title("top surface z = 0")
    axes[1].set_ylabel("depth z [um]")
    axes[1].invert_yaxis()
    axes[1].set_title("longitudinal section y = 0")
    axes[2].set_xlabel("y [um]")
    axes[2].set_ylabel("depth z [um]")
    axes[2].invert_yaxis()
    axes[2].set_title(f"cross-section at xi = {d['cross_section']['fixed_m'] * UM:.3g} um, "
                      + ("where the pool is widest" if d["melted"] else "the hottest"))
    for ax in stretched:
        ax.set_title(ax.get_title() + "  (axes not to scale)")
    bar = fig.colorbar(image, ax=list(axes), shrink=0.6)
    bar.set_label("temperature [K]")
    for level, _ in isotherms:
        bar.ax.axhline(level, color="cyan", lw=1.4)
    legend = ""
    if d["melted"]:
        legend = "\nfusion line (solidus) in cyan" + (", liquidus dashed" if len(isotherms) > 1
                                                        else "")
    fig.suptitle(title(d) + legend, fontsize=10)
    save(fig, path)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    sections = sys.argv[1]
    with open(sections) as f:
        data = json.load(f)
    plot(data, sys.argv[2] if len(sys.argv) == 3 else
         os.path.join(os.path.dirname(os.path.abspath(sections)), "melt_pool.png"))

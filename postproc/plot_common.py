"""Helpers shared by the plotting scripts: matplotlib without a display,
CSV rows as dictionaries, and atomic PNG writes."""
import csv
import os
import sys

try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    sys.exit("the plotting scripts need matplotlib: apt-get install python3-matplotlib")


def rows(path):
    """The rows of a CSV file as dictionaries keyed by the header."""
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def save(fig, path):
    """Write atomically: a killed script leaves no half-written PNG."""
    temporary = path + ".tmp.png"
    fig.savefig(temporary, dpi=150, bbox_inches="tight")
    os.replace(temporary, path)
    plt.close(fig)
    print("wrote", path)

"""Helpers shared by the plotting scripts: matplotlib without a display,
CSV rows as dictionaries, and atomic PNG writes."""
import csv
import os
import signal
import sys
import tempfile

# SIGTERM (ebweld's timeout, or a user stopping a run) unwinds like Ctrl-C,
# so that save() removes its temporary file
signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))

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
    """Write atomically: a killed script leaves no half-written PNG. The
    temporary file is created exclusively under an unpredictable name, so
    nothing planted in the folder is followed."""
    descriptor, temporary = tempfile.mkstemp(
        suffix=".tmp.png", dir=os.path.dirname(os.path.abspath(path)))
    try:
        with os.fdopen(descriptor, "wb") as out:
            fig.savefig(out, format="png", dpi=150, bbox_inches="tight")
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
    plt.close(fig)
    print("wrote", path)

"""Headless Catalyst Live client: checks that a run with live.py reaches a
ParaView session, without a GUI. It listens like the GUI's Catalyst >
Connect, asks for the 'input' fields whenever the simulation sends an
update, and prints one JSON line per update received:

  {"update": 1, "cells": 92160, "points": 96183, "temperature_K": [300.0, 2460.1]}

Start it first, then the run:
  python3 postproc/catalyst/live_check.py --port 22222 --updates 1 &
  EBWELD_CATALYST_LIVE_URL=localhost:22222 \\
      mpirun -np 2 build/bin/ebweld study FILE.prm --catalyst postproc/catalyst/live.py

Waits until the simulation closes the connection (or --timeout seconds);
exits 0 if at least --updates updates arrived, else 1. Live sends the fields a client asked for at the output point after
the request, so a run needs at least two output points (a study of two
cases, a coupled run) for the first fields to arrive.
"""
import argparse
import json
import sys
import time


def in_range(name, convert, low, high):
    """An argparse type: `convert`, then a clear error outside [low, high]."""
    def check(text):
        value = convert(text)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError('%s = %s is outside the allowed range [%g, %g]'
                                             % (name, text, low, high))
        return value
    return check


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--port', type=in_range('--port', int, 1, 65535), default=22222,
                        help='port to listen on, in [1, 65535]')
    parser.add_argument('--updates', type=in_range('--updates', int, 1, 10**6), default=1,
                        help='updates that must arrive, >= 1')
    parser.add_argument('--timeout', type=in_range('--timeout', float, 0.1, 86400.), default=300.,
                        help='seconds to wait in all [s], in [0.1, 86400]')
    args = parser.parse_args()

    # ParaView is imported only once the arguments are known to be valid
    from paraview import live
    from paraview.simple import FindSource

    received = []
    closed = []

    def on_connection(link, event):
        live.ExtractCatalystData(link, 'input')

    def on_update(link, event):
        source = FindSource('input')
        if source is None:
            return
        source.UpdatePipeline()
        info = source.GetDataInformation()
        if info.GetNumberOfCells() == 0:
            return
        received.append({'update': len(received) + 1,
                         'cells': info.GetNumberOfCells(),
                         'points': info.GetNumberOfPoints(),
                         'temperature_K': list(source.PointData['temperature_K'].GetRange())})
        print(json.dumps(received[-1]), flush=True)

    link = live.ConnectToCatalyst('localhost', args.port)
    link.AddObserver('ConnectionCreatedEvent', on_connection)
    link.AddObserver('UpdateEvent', on_update)
    link.AddObserver('ConnectionClosedEvent', lambda link, event: closed.append(True))
    print('listening on port %d' % args.port, flush=True)

    deadline = time.time() + args.timeout
    while not closed and time.time() < deadline:
        live.ProcessServerNotifications()
        time.sleep(0.05)
    if len(received) < args.updates:
        print('live_check: %d of %d updates (%s)' %
              (len(received), args.updates, 'run ended' if closed else 'timed out'), file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())

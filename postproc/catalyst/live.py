# script-version: 2.0
# ebweld Catalyst pipeline (3): Catalyst Live. Publishes the fields to a
# running ParaView GUI that listens for Catalyst connections; nothing is
# written. See postproc/catalyst/README.md for the steps.
#   ebweld run --catalyst postproc/catalyst/live.py
# The GUI's address: $EBWELD_CATALYST_LIVE_URL (default 127.0.0.1:22222);
# ebweld checks it at start-up.
import os

from paraview import catalyst
from paraview.simple import *

fields = TrivialProducer(registrationName='input')

options = catalyst.Options()
options.GlobalTrigger = 'TimeStep'
options.EnableCatalystLive = 1
options.CatalystLiveTrigger = 'TimeStep'
# an address rather than localhost: a minimal system may have no /etc/hosts
options.CatalystLiveURL = os.environ.get('EBWELD_CATALYST_LIVE_URL', '127.0.0.1:22222')

# script-version: 2.0
# ebweld Catalyst pipeline (1): extract. Writes what the solver hands over
# (each rank's owned cells with temperature_K, source_density_W_per_m3,
# melted, mpi_rank and any interface fields) as fields_<step>.pvtu plus one
# .vtu per rank, into $EBWELD_CATALYST_OUTPUT (ebweld sets it to
# <output directory>/catalyst).
#   ebweld run --catalyst postproc/catalyst/extract_fields.py
import os

from paraview import catalyst
from paraview.simple import *

fields = TrivialProducer(registrationName='input')

extract = CreateExtractor('VTU', fields, registrationName='fields')
extract.Trigger = 'TimeStep'
extract.Writer.FileName = 'fields_{timestep:06d}.pvtu'
# inline base64 data: VTK 9.2's reader cannot parse appended data with
# Debian 12's patched libexpat (2.5.0-1+deb12u5: "not well-formed (invalid
# token)"), so appended files would not open in ParaView itself
extract.Writer.DataMode = 'Binary'
# VTK's base64 encoder is most of the writer's time (about 75 MB/s): LZ4
# first halves the bytes it encodes (zlib level 1 shrinks them further but
# costs more than it saves)
extract.Writer.CompressorType = 'LZ4'

options = catalyst.Options()
options.GlobalTrigger = 'TimeStep'
options.ExtractsOutputDirectory = os.environ.get('EBWELD_CATALYST_OUTPUT', 'catalyst')

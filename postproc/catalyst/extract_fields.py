# ebweld Catalyst pipeline (1): extract. Writes what the solver hands over
# (each rank's owned cells with temperature_K, source_density_W_per_m3,
# melted, mpi_rank and any interface fields) as fields_<step>.pvtu plus one
# fields_<step>_<rank>.vtu per rank, into $EBWELD_CATALYST_OUTPUT (ebweld
# sets it to <output directory>/catalyst).
#   ebweld run --catalyst postproc/catalyst/extract_fields.py
#
# A legacy (version 1) Catalyst script on plain VTK: it needs neither
# paraview.simple nor ParaView's server manager, whose import costs each
# process 1.1-1.6 s here, more than writing a million-DoF extract.
import os

from vtkmodules.vtkCommonCore import vtkIntArray
from vtkmodules.vtkIOParallelXML import vtkXMLPUnstructuredGridWriter
from vtkmodules.vtkParallelCore import vtkCommunicator, vtkMultiProcessController


def RequestDataDescription(description):
    wanted = description.GetInputDescriptionByName('input')
    wanted.AllFieldsOn()
    wanted.GenerateMeshOn()


def all_ranks_succeeded(controller, succeeded):
    mine, worst = vtkIntArray(), vtkIntArray()
    mine.InsertNextValue(0 if succeeded else 1)
    controller.AllReduce(mine, worst, vtkCommunicator.MAX_OP)
    return worst.GetValue(0) == 0


def DoCoProcessing(description):
    controller = vtkMultiProcessController.GetGlobalController()
    rank = controller.GetLocalProcessId()
    directory = os.environ.get('EBWELD_CATALYST_OUTPUT', 'catalyst')
    name = 'fields_%06d' % description.GetTimeStep()
    # written into a hidden directory first, then moved into place, pieces
    # before the .pvtu that lists them: a killed run leaves no .pvtu whose
    # pieces are missing or half-written
    partial = os.path.join(directory, '.' + name + '.partial')
    os.makedirs(partial, exist_ok=True)

    writer = vtkXMLPUnstructuredGridWriter()
    writer.SetController(controller)
    writer.SetInputData(description.GetInputDescriptionByName('input').GetGrid())
    writer.SetFileName(os.path.join(partial, name + '.pvtu'))
    writer.SetNumberOfPieces(controller.GetNumberOfProcesses())
    writer.SetStartPiece(rank)
    writer.SetEndPiece(rank)
    # inline base64 data: VTK 9.2's reader cannot parse appended data with
    # Debian 12's patched libexpat (2.5.0-1+deb12u5: "not well-formed
    # (invalid token)"), so appended files would not open in ParaView itself
    writer.SetDataModeToBinary()
    # VTK's base64 encoder is most of the writer's time (about 75 MB/s): LZ4
    # first halves the bytes it encodes (zlib level 1 shrinks them further
    # but costs more than it saves)
    writer.SetCompressorTypeToLZ4()
    if not all_ranks_succeeded(controller, writer.Write() == 1):
        raise RuntimeError('extract_fields.py: writing %s failed on a rank' % name)

    # a collective check rather than a barrier: a rank whose move failed
    # must not leave the others waiting
    piece = '%s_%d.vtu' % (name, rank)
    try:
        os.replace(os.path.join(partial, piece), os.path.join(directory, piece))
        moved = True
    except OSError:
        moved = False
    if not all_ranks_succeeded(controller, moved):
        raise RuntimeError('extract_fields.py: moving the pieces of %s into place failed' % name)
    if rank == 0:
        os.replace(os.path.join(partial, name + '.pvtu'), os.path.join(directory, name + '.pvtu'))
        os.rmdir(partial)

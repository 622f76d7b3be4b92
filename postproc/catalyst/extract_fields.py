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
import base64
import os
import re
import struct

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


_HEADER_FORMAT = {b'UInt32': '<I', b'UInt64': '<Q'}
# <DataArray> for numbers, <Array> for the strings of the field data
_APPENDED_ARRAY = re.compile(rb'<(DataArray|Array) ([^>]*?)format="appended"([^>]*?)\s*offset="(\d+)"\s*(/?)>')


def inline_appended_data(path):
    """Rewrites a .vtu whose arrays are appended raw and compressed into the
    same file with the arrays inline in base64 ("binary"), as VTK's inline
    mode writes them: the block header and the compressed blocks encoded
    separately, each right after its array's start tag."""
    with open(path, 'rb') as f:
        content = memoryview(f.read())
    marker = content.obj.find(b'<AppendedData encoding="raw">')
    xml = content[:max(marker, 0)].tobytes()
    header_type = re.search(rb'header_type="(\w+)"', xml)
    if marker < 0 or not header_type or header_type.group(1) not in _HEADER_FORMAT or \
            b'compressor=' not in xml:
        raise RuntimeError('%s: expected raw appended, compressed arrays with a UInt32 or '
                           'UInt64 header' % path)
    data = content[content.obj.index(b'_', marker) + 1:]
    word = _HEADER_FORMAT[header_type.group(1)]
    size = struct.calcsize(word)

    # the file as a list of chunks: the arrays' megabytes are not copied
    # into one string
    chunks, copied_to = [], 0
    for match in _APPENDED_ARRAY.finditer(xml):
        tag, before, after, start, empty = match.groups()
        start = int(start)
        n_blocks = struct.unpack_from(word, data, start)[0]
        header_end = start + (3 + n_blocks) * size
        block_sizes = struct.unpack_from('<%d%s' % (n_blocks, word[1]), data, start + 3 * size)
        # appended mode leaves the ranges of connectivity, offsets and types empty
        attributes = re.sub(rb'\s*Range(Min|Max)=""', b'', before + b'format="binary"' + after)
        chunks += [xml[copied_to:match.start()], b'<' + tag + b' ' + attributes + b'>\n',
                   base64.b64encode(data[start:header_end]),
                   base64.b64encode(data[header_end:header_end + sum(block_sizes)]),
                   b'\n</' + tag + b'>' if empty else b'']
        copied_to = match.end()
    chunks += [xml[copied_to:].rstrip(), b'\n</VTKFile>\n']
    with open(path + '.inline', 'wb') as f:
        f.writelines(chunks)
    os.replace(path + '.inline', path)


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
    # The pieces must end up with their data inline in base64: VTK 9.2's
    # reader cannot parse appended data with Debian 12's patched libexpat
    # (2.5.0-1+deb12u5: "not well-formed (invalid token)"), so appended files
    # would not open in ParaView itself. But VTK's own base64 encoder (about
    # 60 MB/s, 4 bytes per stream write) took 0.45-0.6 s per million-DoF
    # extract, over 10 % of the solve: VTK writes the piece appended raw and
    # Python's encoder (C, about 330 MB/s here) moves the data inline.
    writer.SetDataModeToAppended()
    writer.EncodeAppendedDataOff()
    # LZ4 halves the bytes for little time (zlib level 1 shrinks them
    # further but costs more than it saves)
    writer.SetCompressorTypeToLZ4()
    piece = '%s_%d.vtu' % (name, rank)
    try:
        written = writer.Write() == 1
        if written:
            inline_appended_data(os.path.join(partial, piece))
    except (OSError, RuntimeError, ValueError, struct.error) as error:
        print('extract_fields.py: rank %d: %s' % (rank, error), flush=True)
        written = False
    if not all_ranks_succeeded(controller, written):
        raise RuntimeError('extract_fields.py: writing %s failed on a rank' % name)

    # a collective check rather than a barrier: a rank whose move failed
    # must not leave the others waiting
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

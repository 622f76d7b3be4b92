# script-version: 2.0
# ebweld Catalyst pipeline (2): melt-pool image. Renders, without a display
# of its own (run under scripts/with-virtual-display), two panels framed on
# the melt pool: the top surface z = 0 (mirrored about y = 0) above the
# longitudinal section y = 0, temperature in K with a labelled colour bar,
# the fusion line (solidus isotherm) in cyan, scale bars in um and the melt
# depth, half-width, length and peak temperature in the title, into
# $EBWELD_CATALYST_OUTPUT/melt_pool_<step>.png. A pool far longer than it is
# wide is drawn with y and z stretched by a round factor the title states.
#   scripts/with-virtual-display mpirun -np 2 ebweld run --catalyst postproc/catalyst/melt_pool_image.py
# Image size: $EBWELD_CATALYST_IMAGE_SIZE ("WIDTHxHEIGHT", default 1200x700).
import math
import os

from paraview import catalyst
from paraview.simple import *

width, height = (int(v) for v in os.environ.get('EBWELD_CATALYST_IMAGE_SIZE', '1200x700').split('x'))
UM = 1e6  # the picture is drawn in micrometres
# the panels fill this part of the image; the colour bar and the title
# have the rest
DATA_WIDTH, DATA_HEIGHT = 0.75, 0.74
# left edge of the panels and their vertical centre, as fractions of the image
DATA_LEFT, DATA_CENTRE = 0.09, 0.47
CYAN, BLACK, WHITE = [0.0, 0.8, 1.0], [0.0, 0.0, 0.0], [1.0, 1.0, 1.0]

fields = TrivialProducer(registrationName='input')
merged = MergeBlocks(Input=fields)
# to um, y and z stretched (catalyst_execute sets the factors)
scaled = Transform(Input=merged)
scaled.Transform = 'Transform'


def cut(normal):
    # just inside the domain: a cut exactly on its boundary face can come out empty
    plane = Slice(Input=scaled)
    plane.SliceType = 'Plane'
    plane.SliceType.Origin = [1e-9 * n for n in normal]
    plane.SliceType.Normal = normal
    window = Clip(Input=plane)
    window.ClipType = 'Box'
    window.Exact = 1
    window.Invert = 1  # keep what is inside the box
    return window


top_window = cut([0.0, 0.0, 1.0])
side_window = cut([0.0, 1.0, 0.0])
top_surface = Reflect(Input=top_window, Plane='Y', Center=0.0, CopyInput=1)
# the section (x, 0, z) turned into the picture plane, depth downwards,
# below the top surface (catalyst_execute sets the offset)
side_section = Transform(Input=side_window)
side_section.Transform = 'Transform'
side_section.Transform.Rotate = [90.0, 0.0, 0.0]
isotherms = [Contour(Input=panel, ContourBy=['POINTS', 'temperature_K'], Isosurfaces=[1.0])
             for panel in (top_surface, side_section)]

view = CreateView('RenderView')
view.ViewSize = [width, height]
view.OrientationAxesVisibility = 0
view.Background = WHITE
view.CameraParallelProjection = 1
try:
    view.UseColorPaletteForBackground = 0
except AttributeError:
    pass

# No data exists while the script is imported: colour by name (not ColorBy,
# which needs the arrays) and rescale in catalyst_execute.
temperature_lut = GetColorTransferFunction('temperature_K')
temperature_lut.ApplyPreset('Inferno (matplotlib)', True)
for panel in (top_surface, side_section):
    display = Show(panel, view)
    display.ColorArrayName = ['POINTS', 'temperature_K']
    display.LookupTable = temperature_lut
for line in isotherms:
    display = Show(line, view)
    display.ColorArrayName = ['POINTS', '']
    display.AmbientColor = display.DiffuseColor = CYAN
    display.LineWidth = 2.5

bar = GetScalarBar(temperature_lut, view)
bar.Title = 'temperature [K]'
bar.ComponentTitle = ''
bar.TitleColor = bar.LabelColor = BLACK
bar.TitleFontSize = bar.LabelFontSize = 14
bar.AutomaticLabelFormat = 0
bar.LabelFormat = bar.RangeLabelFormat = '%.0f'
bar.WindowLocation = 'Any Location'
bar.Orientation = 'Vertical'
bar.Position = [DATA_LEFT + DATA_WIDTH + 0.025, 0.12]
bar.ScalarBarLength = 0.7
bar.Visibility = 1


def text(content, location_or_position, size):
    source = Text(Text=content)
    display = Show(source, view)
    display.FontSize = size
    display.Color = BLACK
    if isinstance(location_or_position, str):
        display.WindowLocation = location_or_position
    else:
        display.WindowLocation = 'Any Location'
        display.Position = location_or_position
    return source, display


title, _ = text('', 'Upper Center', 15)
_, top_label_display = text('top surface z = 0', [0.02, 0.9], 12)
_, side_label_display = text('longitudinal section y = 0 (depth downwards)', [0.02, 0.4], 12)


def ruler():
    source = Ruler()
    display = Show(source, view)
    display.AxisColor = display.Color = BLACK
    display.AxisLineWidth = 2.0
    display.FontSize = 12
    display.NumberOfTicks = 2
    return source, display


length_ruler, length_ruler_display = ruler()
depth_ruler, depth_ruler_display = ruler()

image = CreateExtractor('PNG', view, registrationName='melt_pool')
image.Trigger = 'TimeStep'
image.Writer.FileName = 'melt_pool_{timestep:06d}.png'
image.Writer.ImageResolution = [width, height]


def parameter(name):
    """A number the run handed over with the fields (the same on every rank)."""
    return merged.FieldData[name].GetRange()[0]


def round_down(value, significant_digits):
    """`value` rounded down to that many significant digits (at least 1)."""
    if value < 1.0:
        return 1.0
    unit = 10.0 ** (math.floor(math.log10(value)) - significant_digits + 1)
    return math.floor(value / unit * (1 + 1e-12)) * unit


def catalyst_execute(info):
    # again here: Catalyst sizes the render window after the script is imported
    view.ViewSize = [width, height]
    merged.UpdatePipeline(info.time)
    # from the parameters, not this rank's piece: every rank must draw alike
    xi_low, xi_high, side, depth = (parameter('window_' + name + '_m') * UM
                                    for name in ('xi_low', 'xi_high', 'side', 'depth'))
    length = xi_high - xi_low
    aspect = (DATA_WIDTH * width) / (DATA_HEIGHT * height)
    # stretch across so that the two panels (2 side + depth high) fill the frame
    stretch = round_down(length / (aspect * (2.0 * side + depth) * 1.1), 2)
    scaled.Transform.Scale = [UM, UM * stretch, UM * stretch]
    side_s, depth_s = side * stretch, depth * stretch
    gap = 0.08 * (2.0 * side_s + depth_s)
    for window in (top_window, side_window):
        window.ClipType.Position = [xi_low, -1e-6, -1e-6]
        window.ClipType.Length = [length, side_s + 2e-6, depth_s + 2e-6]
    offset = side_s + gap
    side_section.Transform.Translate = [0.0, -offset, 0.0]

    temperature_lut.RescaleTransferFunction(parameter('initial_temperature_K'),
                                            parameter('peak_temperature_K'))
    solidus = parameter('solidus_temperature_K')
    for line in isotherms:
        line.Isosurfaces = [solidus]

    # frame: the panels span y from -(offset + depth_s) to side_s
    y_low, y_high = -(offset + depth_s), side_s
    half_height = 0.5 * max((y_high - y_low) / DATA_HEIGHT, length / (DATA_WIDTH * width / height))
    view_width = 2.0 * half_height * width / height
    focal = [xi_low + (0.5 - DATA_LEFT) * view_width,
             0.5 * (y_low + y_high) + (0.5 - DATA_CENTRE) * 2.0 * half_height, 0.0]
    view.CameraFocalPoint = focal
    view.CameraPosition = [focal[0], focal[1], focal[2] + 10.0 * view_width]
    view.CameraViewUp = [0.0, 1.0, 0.0]
    view.CameraParallelScale = half_height

    def screen_y(y):
        return 0.5 + (y - focal[1]) / (2.0 * half_height)

    top_label_display.Position = [0.02, min(screen_y(y_high) + 0.01, 0.86)]
    side_label_display.Position = [0.02, screen_y(-offset) + 0.01]
    # scale bars: a round length along the travel direction, the depth
    # at its true size whatever the stretch
    bar_length = round_down(0.25 * length, 1)
    y_ruler = y_low - 0.03 * 2.0 * half_height
    length_ruler.Point1 = [xi_high - bar_length, y_ruler, 0.0]
    length_ruler.Point2 = [xi_high, y_ruler, 0.0]
    length_ruler_display.LabelFormat = '%g um'
    bar_depth = round_down(0.8 * depth, 1)
    x_ruler = xi_low - 0.015 * view_width
    depth_ruler.Point1 = [x_ruler, -offset, 0.0]
    depth_ruler.Point2 = [x_ruler, -offset - bar_depth * stretch, 0.0]
    depth_ruler_display.Scale = 1.0 / stretch
    depth_ruler_display.LabelFormat = '%g um'

    numbers = ('melt depth %.3g um, half-width %.3g um, length %.3g um, peak %.0f K'
               % (parameter('melt_depth_m') * UM, parameter('melt_half_width_m') * UM,
                  parameter('melt_length_m') * UM, parameter('peak_temperature_K')))
    if parameter('melt_length_m') <= 0.0:
        numbers = 'no melting: peak %.0f K below the solidus %.0f K' % (
            parameter('peak_temperature_K'), solidus)
    title.Text = numbers + ('\nfusion line (solidus %.0f K) in cyan' % solidus) + \
        ('; y and z stretched x%.2g' % stretch if stretch > 1.0 else '')


options = catalyst.Options()
options.GlobalTrigger = 'TimeStep'
options.ExtractsOutputDirectory = os.environ.get('EBWELD_CATALYST_OUTPUT', 'catalyst')

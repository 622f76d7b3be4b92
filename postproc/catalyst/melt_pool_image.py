# script-version: 2.0
# ebweld Catalyst pipeline (2): melt-pool image. Renders, without a display
# of its own (run under scripts/with-virtual-display), the temperature on the symmetry plane
# y = 0 and on the top surface z = 0, the melting isotherm as a contour
# line, and the melt depth, half-width and length, into
# $EBWELD_CATALYST_OUTPUT/melt_pool_<step>.png.
#   scripts/with-virtual-display mpirun -np 2 ebweld run --catalyst postproc/catalyst/melt_pool_image.py
# Image size: $EBWELD_CATALYST_IMAGE_SIZE ("WIDTHxHEIGHT", default 1200x700).
import os

from paraview import catalyst
from paraview.simple import *

width, height = (int(v) for v in os.environ.get('EBWELD_CATALYST_IMAGE_SIZE', '1200x700').split('x'))

fields = TrivialProducer(registrationName='input')
merged = MergeBlocks(Input=fields)

symmetry_plane = Slice(Input=merged)
symmetry_plane.SliceType = 'Plane'
# just inside the domain: a cut exactly on its boundary face can come out empty
symmetry_plane.SliceType.Origin = [0.0, 1e-12, 0.0]
symmetry_plane.SliceType.Normal = [0.0, 1.0, 0.0]
top_surface = Slice(Input=merged)
top_surface.SliceType = 'Plane'
top_surface.SliceType.Origin = [0.0, 0.0, 1e-12]
top_surface.SliceType.Normal = [0.0, 0.0, 1.0]

# the melting isotherm: melted is 1 where T >= T_m, 0 elsewhere
isotherm_side = Contour(Input=symmetry_plane, ContourBy=['POINTS', 'melted'], Isosurfaces=[0.5])
isotherm_top = Contour(Input=top_surface, ContourBy=['POINTS', 'melted'], Isosurfaces=[0.5])

label = PythonAnnotation(Input=merged)
label.ArrayAssociation = 'Field Data'
label.Expression = ("'melt depth %.3g um, half-width %.3g um, length %.3g um, peak %.0f K' % "
                    "(melt_depth_m[0] * 1e6, melt_half_width_m[0] * 1e6, melt_length_m[0] * 1e6, "
                    "peak_temperature_K[0])")

view = CreateView('RenderView')
view.ViewSize = [width, height]
view.OrientationAxesVisibility = 1
view.Background = [1.0, 1.0, 1.0]
try:
    view.UseColorPaletteForBackground = 0
except AttributeError:
    pass

# No data exists while the script is imported: colour by name (not ColorBy,
# which needs the arrays) and rescale in catalyst_execute.
temperature_lut = GetColorTransferFunction('temperature_K')
temperature_lut.ApplyPreset('Inferno (matplotlib)', True)
for plane in (symmetry_plane, top_surface):
    display = Show(plane, view)
    display.ColorArrayName = ['POINTS', 'temperature_K']
    display.LookupTable = temperature_lut
bar = GetScalarBar(temperature_lut, view)
bar.Title = 'T [K]'
bar.ComponentTitle = ''
bar.TitleColor = bar.LabelColor = [0.0, 0.0, 0.0]
bar.Visibility = 1
for line in (isotherm_side, isotherm_top):
    display = Show(line, view)
    display.ColorArrayName = ['POINTS', '']
    display.AmbientColor = display.DiffuseColor = [0.0, 0.8, 1.0]
    display.LineWidth = 3.0
text = Show(label, view)
text.WindowLocation = 'Upper Center'
text.FontSize = 14
text.Color = [0.0, 0.0, 0.0]


image = CreateExtractor('PNG', view, registrationName='melt_pool')
image.Trigger = 'TimeStep'
image.Writer.FileName = 'melt_pool_{timestep:06d}.png'
image.Writer.ImageResolution = [width, height]

def catalyst_execute(info):
    merged.UpdatePipeline(info.time)
    low, high = merged.PointData['temperature_K'].GetRange()
    temperature_lut.RescaleTransferFunction(low, high)
    # frame the melt pool (the isotherm) with a margin, seen obliquely from
    # the side (y < 0) and from above the surface (z is depth: above is z < 0)
    isotherm_top.UpdatePipeline(info.time)
    x0, x1, y0, y1, z0, z1 = merged.GetDataInformation().GetBounds()
    if isotherm_top.GetDataInformation().GetNumberOfPoints() > 0:
        x0, x1, y0, y1, _, _ = isotherm_top.GetDataInformation().GetBounds()
        size = max(x1 - x0, y1 - y0)
        x0, x1, y0, y1, z0, z1 = x0 - 0.15 * size, x1 + 0.15 * size, 0.0, y1, 0.0, 0.5 * (y1 - y0)
    centre = [0.5 * (x0 + x1), 0.5 * (y0 + y1), 0.5 * (z0 + z1)]
    extent = max(x1 - x0, y1 - y0, z1 - z0)
    view.CameraFocalPoint = centre
    view.CameraPosition = [centre[0] + 0.25 * extent, centre[1] - 1.1 * extent, centre[2] - 0.6 * extent]
    view.CameraViewUp = [0.0, 0.0, -1.0]


options = catalyst.Options()
options.GlobalTrigger = 'TimeStep'
options.ExtractsOutputDirectory = os.environ.get('EBWELD_CATALYST_OUTPUT', 'catalyst')

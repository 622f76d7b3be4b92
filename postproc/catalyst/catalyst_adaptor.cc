// ParaView Catalyst (legacy vtkCP* API of ParaView 5.11) behind the C
// interface of catalyst_adaptor.h. See docs/DESIGN.md 7 for what is known
// to work on Debian 12.

#include "catalyst_adaptor.h"
#include "script_pipeline.h"

#include <vtkCPDataDescription.h>
#include <vtkCPInputDataDescription.h>
#include <vtkCPProcessor.h>
#include <vtkCPPythonPipeline.h>
#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkCellType.h>
#include <vtkCellTypes.h>
#include <vtkDoubleArray.h>
#include <vtkFieldData.h>
#include <vtkInformation.h>
#include <vtkInformationDoubleVectorKey.h>
#include <vtkInformationVector.h>
#include <vtkMPI.h>
#include <vtkNew.h>
#include <vtkObjectFactory.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPythonInterpreter.h>
#include <vtkSmartPointer.h>
#include <vtkStringArray.h>
#include <vtkTypeInt32Array.h>
#include <vtkTypeInt64Array.h>
#include <vtkUnstructuredGrid.h>

#include <mpi.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace
{
  // Catalyst keeps a pointer to the communicator: it must outlive the processor.
  MPI_Comm        communicator = MPI_COMM_NULL;
  vtkCPProcessor *processor    = nullptr;

  /// Every number of a flat JSON object as a one-value field-data array,
  /// so that pipelines can show them (e.g. PythonAnnotation). A minimal
  /// scan: keys and numbers only, nested values are skipped.
  void add_numbers(vtkFieldData *field_data, const std::string &json)
  {
    std::size_t position = 0;
    while ((position = json.find('"', position)) != std::string::npos)
      {
        const std::size_t end = json.find('"', position + 1);
        if (end == std::string::npos || end + 1 >= json.size() || json[end + 1] != ':')
          {
            position = end == std::string::npos ? end : end + 1;
            continue;
          }
        const std::string key        = json.substr(position + 1, end - position - 1);
        char             *number_end = nullptr;
        const double      value      = std::strtod(json.c_str() + end + 2, &number_end);
        if (number_end != json.c_str() + end + 2)
          {
            vtkNew<vtkDoubleArray> a;
            a->SetName(key.c_str());
            a->InsertNextValue(value);
            field_data->AddArray(a);
          }
        position = end + 1;
      }
  }

  int fail(char *error, const int size, const std::string &message)
  {
    if (error && size > 0)
      std::snprintf(error, size, "%s", message.c_str());
    return 1;
  }

  /// Stores the value range of a scalar array (or, for vectors, of the
  /// vectors' lengths) where vtkDataArray::GetRange looks before scanning:
  /// the documented COMPONENT_RANGE / L2_NORM_RANGE cache. The XML writers
  /// ask for every array's range, and VTK's own scans of a fresh grid's
  /// arrays took 0.05 s of each million-DoF piece (0.11 against 0.06 s
  /// with the ranges cached); this loop takes milliseconds. NaNs are
  /// skipped, as VTK's scan does.
  void cache_range(vtkDataArray *a, const double *values, const long long n_tuples)
  {
    const int components = a->GetNumberOfComponents();
    double    range[2]   = {VTK_DOUBLE_MAX, -VTK_DOUBLE_MAX};
    for (long long i = 0; i < n_tuples; ++i)
      {
        double value = 0; // the value, or a vector's squared length
        if (components == 1)
          value = values[i];
        else
          for (int c = 0; c < components; ++c)
            value += values[components * i + c] * values[components * i + c];
        if (std::isnan(value))
          continue;
        range[0] = std::min(range[0], value);
        range[1] = std::max(range[1], value);
      }
    if (components > 1)
      {
        if (range[0] <= range[1]) // lengths: one square root each, not one per point
          {
            range[0] = std::sqrt(range[0]);
            range[1] = std::sqrt(range[1]);
          }
        a->GetInformation()->Set(vtkDataArray::L2_NORM_RANGE(), range, 2);
        return;
      }
    vtkNew<vtkInformationVector> per_component;
    per_component->SetNumberOfInformationObjects(1);
    per_component->GetInformationObject(0)->Set(vtkDataArray::COMPONENT_RANGE(), range, 2);
    a->GetInformation()->Set(vtkDataArray::PER_COMPONENT(), per_component);
  }

  /// Wraps the caller's values without copying them: the grid lives only
  /// for one co-processing call, during which the caller keeps them alive.
  vtkSmartPointer<vtkDoubleArray> array(const char *name, const double *values, const long long n,
                                        const int components = 1)
  {
    auto a = vtkSmartPointer<vtkDoubleArray>::New();
    a->SetName(name);
    a->SetNumberOfComponents(components);
    a->SetArray(const_cast<double *>(values), n * components, 1 /* do not free */);
    cache_range(a, values, n);
    return a;
  }

  /// An unstructured grid that knows it holds only hexahedra. VTK 9.2's
  /// writers ask a grid for its distinct cell types, which a plain
  /// vtkUnstructuredGrid finds by inserting every cell's type into a
  /// std::set: 0.05 s of each million-DoF piece, for every new grid.
  class HexahedralGrid : public vtkUnstructuredGrid
  {
  public:
    static HexahedralGrid *New();
    vtkTypeMacro(HexahedralGrid, vtkUnstructuredGrid);

    void SetHexahedra(vtkCellArray *cells)
    {
      SetCells(VTK_HEXAHEDRON, cells);
      // created on first use by vtkUnstructuredGrid
      DistinctCellTypes = vtkSmartPointer<vtkCellTypes>::New();
      if (cells->GetNumberOfCells() > 0)
        DistinctCellTypes->InsertNextType(VTK_HEXAHEDRON);
      // what GetDistinctCellTypesArray compares to decide the cache is current
      DistinctCellTypesUpdateMTime = Types->GetMTime();
    }
  };
  vtkStandardNewMacro(HexahedralGrid);

  /// Hexahedra with 32-bit offsets and connectivity (half the bytes a
  /// writer encodes) when the point indices fit, else 64-bit.
  template <typename IndexArray>
  vtkSmartPointer<vtkCellArray> hexahedra(const EbweldCatalystGrid &g)
  {
    vtkNew<IndexArray> offsets, connectivity;
    offsets->SetNumberOfValues(g.n_cells + 1);
    connectivity->SetNumberOfValues(8 * g.n_cells);
    for (long long c = 0; c <= g.n_cells; ++c)
      offsets->SetValue(c, 8 * c);
    for (long long i = 0; i < 8 * g.n_cells; ++i)
      connectivity->SetValue(i, static_cast<typename IndexArray::ValueType>(g.connectivity[i]));
    auto cells = vtkSmartPointer<vtkCellArray>::New();
    cells->SetData(offsets, connectivity);
    return cells;
  }

  vtkSmartPointer<vtkUnstructuredGrid> make_grid(const EbweldCatalystGrid &g)
  {
    auto              grid = vtkSmartPointer<HexahedralGrid>::New();
    vtkNew<vtkPoints> points;
    points->SetData(array("points", g.points, g.n_points, 3));
    grid->SetPoints(points);
    grid->SetHexahedra(ebweld_hexahedra_fit_int32(g.n_cells) ? hexahedra<vtkTypeInt32Array>(g)
                                                             : hexahedra<vtkTypeInt64Array>(g));
    for (int f = 0; f < g.n_point_fields; ++f)
      grid->GetPointData()->AddArray(array(g.point_field_names[f], g.point_fields[f], g.n_points));
    for (int f = 0; f < g.n_cell_fields; ++f)
      grid->GetCellData()->AddArray(array(g.cell_field_names[f], g.cell_fields[f], g.n_cells));
    return grid;
  }
} // namespace

extern "C" int ebweld_catalyst_initialize(const int comm, const int n_scripts,
                                          const char *const *scripts, char *error,
                                          const int error_size)
{
  if (processor)
    return fail(error, error_size, "Catalyst is already initialized");
  MPI_Comm_dup(MPI_Comm_f2c(comm), &communicator);
  processor = vtkCPProcessor::New();
  vtkMPICommunicatorOpaqueComm opaque(&communicator);
  if (!processor->Initialize(opaque))
    return fail(error, error_size, "vtkCPProcessor::Initialize failed");
  // Catalyst imports a version-2 script at the first output point, and
  // with it ParaView's Python modules (paraview.simple: 1.1-1.6 s): import
  // those now, so that they are a start-up cost, not one of the first
  // output point. Version-1 scripts on plain VTK (extract_fields.py) do
  // not need them.
  vtkPythonInterpreter::Initialize();
  std::vector<bool> is_version_2(n_scripts);
  for (int s = 0; s < n_scripts; ++s)
    is_version_2[s] = vtkCPPythonPipeline::DetectScriptVersion(scripts[s]) == 2;
  if (std::find(is_version_2.begin(), is_version_2.end(), true) != is_version_2.end() &&
      vtkPythonInterpreter::RunSimpleString("from paraview import simple, catalyst") != 0)
    return fail(error, error_size, "ParaView's Python modules could not be imported (see above)");
  for (int s = 0; s < n_scripts; ++s)
    {
      if (!std::ifstream(scripts[s]))
        return fail(error, error_size,
                    std::string("--catalyst ") + scripts[s] + ": no such file or not readable");
      // Catalyst imports a version-2 script only at the first output point,
      // after the solve: compile it now, so that a syntax error stops the
      // run at start-up. (An exception raised while the script runs still
      // surfaces at the first output point, as an error before anything
      // is written.)
      const std::string path  = python_string_expression(scripts[s]);
      const std::string check = "compile(open(" + path + ").read(), " + path + ", 'exec')";
      if (vtkPythonInterpreter::RunSimpleString(check.c_str()) != 0)
        return fail(error, error_size,
                    std::string("--catalyst ") + scripts[s] +
                        ": Python syntax error (see the traceback above)");
      vtkSmartPointer<vtkCPPipeline> pipeline;
      if (is_version_2[s])
        pipeline = vtkCPPythonPipeline::CreateAndInitializePipeline(scripts[s]);
      else // version 1, or no version found: Catalyst's default too
        {
          auto script_pipeline = vtkSmartPointer<EbweldScriptPipeline>::New();
          if (script_pipeline->Load(scripts[s]))
            pipeline = script_pipeline;
        }
      if (!pipeline)
        return fail(error, error_size,
                    std::string("--catalyst ") + scripts[s] +
                        ": the Python pipeline could not be loaded (see the Python error above)");
      processor->AddPipeline(pipeline);
    }
  return 0;
}

extern "C" int ebweld_catalyst_coprocess(const EbweldCatalystGrid *grid, const double time,
                                         const int time_step, const char *parameters_json,
                                         char *error, const int error_size)
{
  if (!processor)
    return fail(error, error_size, "Catalyst is not initialized");
  vtkNew<vtkCPDataDescription> description;
  description->AddInput("input");
  description->SetTimeData(time, time_step);
  description->ForceOutputOn(); // ebweld calls only at its output points
  if (processor->RequestDataDescription(description) == 0)
    return 0;
  auto                   data = make_grid(*grid);
  vtkNew<vtkStringArray> parameters;
  parameters->SetName("parameters");
  parameters->InsertNextValue(parameters_json ? parameters_json : "{}");
  data->GetFieldData()->AddArray(parameters);
  add_numbers(data->GetFieldData(), parameters_json ? parameters_json : "{}");
  description->GetInputDescriptionByName("input")->SetGrid(data);
  if (processor->CoProcess(description) == 0)
    return fail(error, error_size,
                "a Catalyst pipeline failed at time step " + std::to_string(time_step));
  return 0;
}

extern "C" void ebweld_catalyst_finalize(void)
{
  if (!processor)
    return;
  processor->Finalize();
  processor->Delete();
  processor = nullptr;
  MPI_Comm_free(&communicator);
}

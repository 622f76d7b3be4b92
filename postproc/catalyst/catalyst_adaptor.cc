// ParaView Catalyst (legacy vtkCP* API of ParaView 5.11) behind the C
// interface of catalyst_adaptor.h. See shared/CATALYST.md for what is known
// to work on Debian 12.

#include "catalyst_adaptor.h"

#include <vtkCPDataDescription.h>
#include <vtkCPInputDataDescription.h>
#include <vtkCPProcessor.h>
#include <vtkCPPythonPipeline.h>
#include <vtkCellArray.h>
#include <vtkCellData.h>
#include <vtkDoubleArray.h>
#include <vtkFieldData.h>
#include <vtkMPI.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPythonInterpreter.h>
#include <vtkPoints.h>
#include <vtkSmartPointer.h>
#include <vtkStringArray.h>
#include <vtkTypeInt32Array.h>
#include <vtkTypeInt64Array.h>
#include <vtkUnstructuredGrid.h>

#include <mpi.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

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
        const std::string key = json.substr(position + 1, end - position - 1);
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

  /// Wraps the caller's values without copying them: the grid lives only
  /// for one co-processing call, during which the caller keeps them alive.
  vtkSmartPointer<vtkDoubleArray> array(const char *name, const double *values, const long long n,
                                        const int components = 1)
  {
    auto a = vtkSmartPointer<vtkDoubleArray>::New();
    a->SetName(name);
    a->SetNumberOfComponents(components);
    a->SetArray(const_cast<double *>(values), n * components, 1 /* do not free */);
    return a;
  }

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
    auto     grid = vtkSmartPointer<vtkUnstructuredGrid>::New();
    vtkNew<vtkPoints> points;
    points->SetData(array("points", g.points, g.n_points, 3));
    grid->SetPoints(points);
    grid->SetCells(VTK_HEXAHEDRON, ebweld_hexahedra_fit_int32(g.n_cells) ? hexahedra<vtkTypeInt32Array>(g)
                                                : hexahedra<vtkTypeInt64Array>(g));
    for (int f = 0; f < g.n_point_fields; ++f)
      grid->GetPointData()->AddArray(array(g.point_field_names[f], g.point_fields[f], g.n_points));
    for (int f = 0; f < g.n_cell_fields; ++f)
      grid->GetCellData()->AddArray(array(g.cell_field_names[f], g.cell_fields[f], g.n_cells));
    return grid;
  }
} // namespace

extern "C" int ebweld_catalyst_initialize(const int          comm,
                                          const int          n_scripts,
                                          const char *const *scripts,
                                          char              *error,
                                          const int          error_size)
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
  bool any_version_2 = false;
  for (int s = 0; s < n_scripts; ++s)
    any_version_2 = any_version_2 || vtkCPPythonPipeline::DetectScriptVersion(scripts[s]) == 2;
  if (any_version_2 &&
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
      const std::string check = std::string("compile(open(r\"") + scripts[s] +
                                "\").read(), r\"" + scripts[s] + "\", 'exec')";
      if (vtkPythonInterpreter::RunSimpleString(check.c_str()) != 0)
        return fail(error, error_size,
                    std::string("--catalyst ") + scripts[s] +
                      ": Python syntax error (see the traceback above)");
      auto pipeline = vtkCPPythonPipeline::CreateAndInitializePipeline(scripts[s]);
      if (!pipeline)
        return fail(error, error_size,
                    std::string("--catalyst ") + scripts[s] +
                      ": the Python pipeline could not be loaded (see the Python error above)");
      processor->AddPipeline(pipeline);
    }
  return 0;
}

extern "C" int ebweld_catalyst_coprocess(const EbweldCatalystGrid *grid,
                                         const double              time,
                                         const int                 time_step,
                                         const char               *parameters_json,
                                         char                     *error,
                                         const int                 error_size)
{
  if (!processor)
    return fail(error, error_size, "Catalyst is not initialized");
  vtkNew<vtkCPDataDescription> description;
  description->AddInput("input");
  description->SetTimeData(time, time_step);
  description->ForceOutputOn(); // ebweld calls only at its output points
  if (processor->RequestDataDescription(description) == 0)
    return 0;
  auto data = make_grid(*grid);
  vtkNew<vtkStringArray> parameters;
  parameters->SetName("parameters");
  parameters->InsertNextValue(parameters_json ? parameters_json : "{}");
  data->GetFieldData()->AddArray(parameters);
  add_numbers(data->GetFieldData(), parameters_json ? parameters_json : "{}");
  description->GetInputDescriptionByName("input")->SetGrid(data);
  if (processor->CoProcess(description) == 0)
    return fail(error, error_size, "a Catalyst pipeline failed at time step " + std::to_string(time_step));
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

#include "script_pipeline.h"

#include <vtkCPDataDescription.h>
#include <vtkObjectFactory.h>
#include <vtkPythonInterpreter.h>

#include <cstdio>
#include <iomanip>
#include <sstream>

vtkStandardNewMacro(EbweldScriptPipeline);

std::string python_string_expression(const std::string &text)
{
  std::ostringstream hex;
  hex << "bytes.fromhex('" << std::hex << std::setfill('0');
  for (const unsigned char c : text)
    hex << std::setw(2) << static_cast<int>(c);
  hex << "').decode()";
  return hex.str();
}

bool EbweldScriptPipeline::Load(const std::string &script)
{
  static int n_loaded = 0;
  module_             = "ebweld_catalyst_script_" + std::to_string(n_loaded++);
  // no .pyc files beside the script: ranks would race to write them, and
  // the source tree is no place for run output (ParaView's pipelines set
  // the same)
  const std::string load =
      "import importlib.machinery, importlib.util, sys\n"
      "from paraview.modules import vtkPVCatalyst  # for the description: now, not at the first "
      "call\n"
      "sys.dont_write_bytecode = True\n"
      // an explicit source loader: any file name, with or without .py
      "_loader = importlib.machinery.SourceFileLoader('" +
      module_ + "', " + python_string_expression(script) +
      ")\n"
      "_spec = importlib.util.spec_from_loader(_loader.name, _loader)\n"
      "sys.modules[_spec.name] = importlib.util.module_from_spec(_spec)\n"
      "_spec.loader.exec_module(sys.modules[_spec.name])\n"
      "for _f in ('RequestDataDescription', 'DoCoProcessing'):\n"
      "    if not callable(getattr(sys.modules[_spec.name], _f, None)):\n"
      "        raise AttributeError('%s: a version-1 Catalyst script defines %s(description)' % "
      "(_spec.origin, _f))\n"
      "del _loader, _spec, _f\n";
  return vtkPythonInterpreter::RunSimpleString(load.c_str()) == 0;
}

bool EbweldScriptPipeline::run(const std::string &function, vtkCPDataDescription *description) const
{
  std::string argument;
  if (description)
    {
      // the Python wrapping of the C++ object from its address, as
      // ParaView's own pipelines hand the description over; built inside
      // the call so that no Python name keeps it (and the grid) alive
      char address[32];
      std::snprintf(address, sizeof address, "%p", static_cast<void *>(description));
      argument = std::string("vtkCPDataDescription('") +
                 (address[0] == '0' && address[1] == 'x' ? address + 2 : address) + "')";
    }
  const std::string code = "import sys\n"
                           "from paraview.modules.vtkPVCatalyst import vtkCPDataDescription\n"
                           "getattr(sys.modules['" +
                           module_ + "'], '" + function + "', lambda *_: None)(" + argument + ")\n";
  return vtkPythonInterpreter::RunSimpleString(code.c_str()) == 0;
}

int EbweldScriptPipeline::RequestDataDescription(vtkCPDataDescription *description)
{
  return run("RequestDataDescription", description) && description->GetIfAnyGridNecessary();
}

int EbweldScriptPipeline::CoProcess(vtkCPDataDescription *description)
{
  return run("DoCoProcessing", description) ? 1 : 0;
}

int EbweldScriptPipeline::Finalize()
{
  return run("Finalize") ? 1 : 0; // optional: Load checked the other two
}

#pragma once
// A Catalyst pipeline for version-1 Python scripts (RequestDataDescription
// and DoCoProcessing, as in ParaView's vtkCPPythonScriptPipeline) that
// imports only what the script imports. ParaView's own pipeline classes
// import paraview.servermanager and paraview.catalyst.detail when they are
// constructed, 0.35 s per process here, which a script on plain VTK
// (extract_fields.py) never uses. Version-2 scripts keep ParaView's class.

#include <vtkCPPipeline.h>

#include <string>

class vtkCPDataDescription;

/// `text` as a Python expression that evaluates to it, whatever characters
/// it holds (a path with quotes or backslashes included).
std::string python_string_expression(const std::string &text);

class EbweldScriptPipeline : public vtkCPPipeline
{
public:
  static EbweldScriptPipeline *New();
  vtkTypeMacro(EbweldScriptPipeline, vtkCPPipeline);

  /// Imports the script as a module of its own. Returns false, with
  /// Python's traceback printed, when it raises or lacks one of the two
  /// functions.
  bool Load(const std::string &script);

  /// 1 when the script wants data at this output point.
  int RequestDataDescription(vtkCPDataDescription *description) override;
  /// 1 on success, 0 when the script raised (traceback printed).
  int CoProcess(vtkCPDataDescription *description) override;
  /// Calls the script's Finalize() when it has one.
  int Finalize() override;

private:
  EbweldScriptPipeline() = default;
  /// Calls the script's `function` (nothing when it has none) with the
  /// description, if given; false when it raised.
  bool run(const std::string &function, vtkCPDataDescription *description = nullptr) const;

  std::string module_;
};

// Bad input gets a clear error that names the parameter, the value and the
// allowed range, and a non-zero exit; the good paths (--help,
// --print-parameters) exit 0. tests/structure/test_case_files validates
// every shipped case.
// Runs the real `ebweld` binary.

#include "tests/common/binary_runner.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace ebweld::testing;

namespace
{
  std::string input_file(const std::string &name, const std::string &content)
  {
    const std::string path = "/tmp/ebweld_input_" + name + ".prm";
    std::ofstream(path) << content;
    return path;
  }

  /// Runs ebweld with a bad input and checks the exit code and that every
  /// fragment appears in the message.
  void expect_input_error(const std::string &arguments, const std::vector<std::string> &fragments)
  {
    const Outcome outcome = run_ebweld(arguments);
    BOOST_TEST_MESSAGE("ebweld " << arguments << "\n  -> exit " << outcome.exit_code << ": "
                                 << outcome.output);
    BOOST_TEST(outcome.exit_code == 2);
    BOOST_TEST(outcome.output.find("ebweld: input error") != std::string::npos);
    for (const auto &fragment : fragments)
      BOOST_TEST(outcome.output.find(fragment) != std::string::npos, "message lacks: " << fragment);
  }
} // namespace

BOOST_AUTO_TEST_CASE(unknown_parameter_in_file)
{
  expect_input_error("run " +
                         input_file("unknown", "subsection Beam\n  set Voltag (kV) = 3\nend\n"),
                     {"Voltag (kV)", "No entry"});
}

BOOST_AUTO_TEST_CASE(unknown_parameter_in_override)
{
  expect_input_error("run --set 'Beam/Voltag (kV)=3'", {"Voltag (kV)", "--print-parameters"});
}

BOOST_AUTO_TEST_CASE(negative_power)
{
  expect_input_error("run --set 'Beam/Current (A)=-1'", {"Beam/Current (A)", "-1", "[1e-12, 10]"});
  expect_input_error("run --set 'Beam/Voltage (kV)=-20'",
                     {"Beam/Voltage (kV)", "-20", "[0.1, 1000]"});
}

BOOST_AUTO_TEST_CASE(zero_diameter)
{
  expect_input_error(
      "run " + input_file("diameter", "subsection Beam\n  set Diameter FWHM (um) = 0\nend\n"),
      {"Beam/Diameter FWHM (um)", "= 0", "[0.001, 100000]"});
}

BOOST_AUTO_TEST_CASE(unknown_material)
{
  // a bound declared with the entry, read from a nested subsection of a file
  expect_input_error(
      "run " + input_file("goldak",
                          "subsection Heat sources\n  set Active = Goldak double ellipsoid\n"
                          "  subsection Goldak double ellipsoid\n    # the depth\n"
                          "    set Depth (um) = -1\n  end\nend\n"),
      {"Heat sources/Goldak double ellipsoid/Depth (um) = -1", "a number in [0.001, 100000]"});
  expect_input_error("run --set 'Material/Name=Unobtainium'",
                     {"Material/Name", "Unobtainium", "Si", "Au", "Ta", "Cu", "Ag", "W"});
}

BOOST_AUTO_TEST_CASE(domain_smaller_than_beam)
{
  expect_input_error("run --set 'Mesh/Half-width (um)=5'",
                     {"Mesh/Half-width (um)", "5", "at least the beam diameter (10 um)"});
  expect_input_error("run --set 'Mesh/Depth (um)=1'", {"Mesh/Depth (um)", "1", "deposition depth"});
}

BOOST_AUTO_TEST_CASE(non_existent_input_file)
{
  expect_input_error("run /nonexistent/case.prm", {"/nonexistent/case.prm", "existing"});
}

BOOST_AUTO_TEST_CASE(values_outside_patterns_and_ranges)
{
  expect_input_error("run --set 'Beam/Peclet number=fast'",
                     {"Beam/Peclet number", "fast", "a number in [1e-06, 1000000]"});
  expect_input_error("run --set 'Beam/Heating efficiency=1.5'",
                     {"Beam/Heating efficiency", "1.5", "'auto' or a number in [1e-06, 1]"});
  expect_input_error("run --set 'Discretisation/Element degree=3'",
                     {"Discretisation/Element degree", "3", "in [1, 2]"});
  expect_input_error("run --set 'Boundary/Initial temperature (K)=2000'",
                     {"Boundary/Initial temperature (K)", "2000", "below the solidus of Si"});
  expect_input_error("run --set 'Material/Temperature-dependent properties=false' "
                     "--set 'Boundary/Initial temperature (K)=2000'",
                     {"Boundary/Initial temperature (K)", "2000", "below the melting temperature"});
  expect_input_error("run --set 'Linear solver/Relative tolerance=0.5'",
                     {"Linear solver/Relative tolerance", "0.5", "in [1e-15, 0.01]"});
  expect_input_error("run --set 'Linear solver/Krylov method=cg'",
                     {"Krylov method", "cg", "auto|bicgstab|gmres"});
  expect_input_error("run --set 'Linear solver/AIR cell Peclet threshold=-3'",
                     {"Linear solver/AIR cell Peclet threshold", "-3", "> 0"});
  expect_input_error("run --frobnicate", {"unknown option", "--frobnicate"});
  expect_input_error(
      "run --set 'Output/Postprocessors=melt pool, melt pool'",
      {"Output/Postprocessors", "melt pool, melt pool", "'melt pool' appears more than once"});
  expect_input_error("run --set 'Output/Postprocessors=melt pool, cross sections'",
                     {"Output/Postprocessors", "cross sections", "peak temperatures"});
}

BOOST_AUTO_TEST_CASE(study_and_optimisation_inputs)
{
  expect_input_error("study " +
                         input_file("no_study", "subsection Beam\n  set Voltage (kV) = 20\nend\n"),
                     {"Study/Grid and Study/Table file", "exactly one of the two set"});
  expect_input_error(
      "study " +
          input_file("bad_axis",
                     "subsection Study\n  set Grid = Beam/Voltage (kV): log(0, 10, 3)\nend\n"),
      {"Study/Grid", "log(0, 10, 3)", "first, last > 0"});
  expect_input_error(
      "study " +
          input_file("grid", "subsection Study\n  set Grid = Beam/Voltage (kV): 10, 20\nend\n") +
          " --ranks-per-case 0",
      {"--ranks-per-case", "0", "a whole number in [1, 1]"});
  // a grid above the case limit is refused before any case, with its count
  expect_input_error(
      "study " + input_file("huge_grid",
                            "subsection Study\n  set Grid = Beam/Voltage (kV): linear(10, 20, "
                            "100000); Beam/Current (A): linear(0.001, 0.01, 100000)\nend\n"),
      {"Study/Grid", "10000000000 cases", "at most Study/Maximum cases = 10000"});
  expect_input_error("optimize --set 'Optimisation/Peclet numbers=linear(10, 100, 100)' --set "
                     "'Optimisation/Penetration ratios=linear(1, 4, 100)' --set "
                     "'Material/Temperature-dependent properties=false'",
                     {"Optimisation/Peclet numbers x Optimisation/Penetration ratios",
                      "10000 points", "at most Optimisation/Maximum points = 1000"});
  // every point's inputs are checked before the first solve
  expect_input_error("optimize --set 'Optimisation/Penetration ratios=1, 1e6' --set "
                     "'Material/Temperature-dependent properties=false'",
                     {"R/z_m 1000000", "Beam/Voltage (kV)", "[0.1, 1000]"});
  expect_input_error("optimize --set 'Optimisation/Penetration ratios=3, 1'",
                     {"Optimisation/Penetration ratios", "3, 1", "ascending"});
  expect_input_error(
      "study " +
          input_file("table", "subsection Study\n  set Table file = /nonexistent/cases.csv\nend\n"),
      {"Study/Table file", "/nonexistent/cases.csv", "readable file"});
  expect_input_error("study " +
                         input_file("grid_outside",
                                    "subsection Study\n  set Grid = Beam/Voltage (kV): 10, 20\n"
                                    "  set Results file = ../../x.csv\nend\n"),
                     {"Study/Results file", "../../x.csv", "a file name without '/'"});
  // repeats and malformed lists are errors, not silently different plans
  expect_input_error("study " + input_file("repeated_value",
                                           "subsection Study\n  set Grid = "
                                           "Beam/Voltage (kV): 10, 20, 10\nend\n"),
                     {"Study/Grid", "'10' appears more than once"});
  expect_input_error("study " + input_file("repeated_axis",
                                           "subsection Study\n  set Grid = Beam/Voltage (kV): "
                                           "10, 20; Beam/Voltage (kV): 30\nend\n"),
                     {"Study/Grid", "'Beam/Voltage (kV)' appears more than once"});
  for (const std::string count : {"2.5", "1e11"})
    expect_input_error(
        "study " + input_file("count", "subsection Study\n  set Grid = "
                                       "Beam/Voltage (kV): linear(10, 20, " +
                                           count + ")\nend\n"),
        {"Study/Grid", "linear(10, 20, " + count + ")", "a whole count in [1, 100000]"});
  expect_input_error("optimize --set 'Optimisation/Peclet numbers=10; 100'",
                     {"Optimisation/Peclet numbers", "10; 100", "a list of numbers > 0"});
  expect_input_error("optimize --set 'Optimisation/Peclet numbers=10, 100, 10'",
                     {"Optimisation/Peclet numbers", "'10' appears more than once"});
  // the same entry twice in a file (the second silently won); the same name
  // in two subsections is two entries
  expect_input_error("run " + input_file("set_twice", "subsection Beam\n  set Current (A) = 0.01\n"
                                                      "  set Current (A) = 0.02\nend\n"),
                     {"Beam/Current (A) is set on lines 2 and 3", "set each parameter once"});
  BOOST_TEST(run_ebweld("run --validate " + input_file("same_name",
                                                       "subsection Heat sources\n"
                                                       "  subsection Kanaya-Okayama\n"
                                                       "    set Efficiency = 0.9\n  end\n"
                                                       "  subsection Exponential decay\n"
                                                       "    set Efficiency = 0.9\n  end\nend\n"))
                 .exit_code == 0);
  expect_input_error("run --set 'Heat sources/Active=Kanaya-Okayama, Kanaya-Okayama'",
                     {"Heat sources/Active", "'Kanaya-Okayama' appears more than once"});
  expect_input_error("optimize --set 'Optimisation/Cross sections=100'",
                     {"Optimisation/Cross sections", "100", "'Pe:ratio' pairs"});
  expect_input_error("run --set 'Mesh/Depth cell size (um)=-1'",
                     {"Mesh/Depth cell size (um)", "-1", "'auto' or a number in"});
  expect_input_error("optimize --set 'Optimisation/Peclet numbers=10, -1'",
                     {"Optimisation/Peclet numbers", "-1", "numbers > 0"});
}

BOOST_AUTO_TEST_CASE(nanoscale_submodel_inputs)
{
  const std::string cu =
      std::string(EBWELD_SOURCE_DIR) + "/cases/nano_cu_sintering/cu_sintering.prm";
  expect_input_error("nano " + cu + " --set 'Nano/Particles/Radius (nm)=-5'",
                     {"Nano/Particles/Radius (nm)", "-5", "> 0"});
  const std::string agau =
      std::string(EBWELD_SOURCE_DIR) + "/cases/nano_agau_core_shell/agau_staircase.prm";
  expect_input_error("nano " + agau +
                         " --set 'Interface submodels/core-shell alloying/Core radius (nm)=7'",
                     {"Core radius (nm)", "7", "below the particle radius", "5 nm"});
  const std::string auta =
      std::string(EBWELD_SOURCE_DIR) + "/cases/nano_auta_miscibility/auta_miscibility.prm";
  expect_input_error("nano " + auta +
                         " --set 'Interface submodels/cluster miscibility/Composition=0.5, 0.6'",
                     {"Composition", "0.5, 0.6", "sum to 1", "1.1"});
  expect_input_error("nano " + agau + " --set 'Nano/Temperature protocol/End temperature (K)=-20'",
                     {"Nano/Temperature protocol/End temperature (K)", "-20", "> 0"});
  expect_input_error("nano " + cu +
                         " --set 'Nano/Temperature protocol/Type=table'"
                         " --set 'Nano/Temperature protocol/Table file=" +
                         input_file("cooling", "0,300\n10,100\n20,-5\n") + "'",
                     {"Table file", "-5", "above 0 K"});
  expect_input_error("nano " + cu + " --set 'Nano/Particles/Shell thickness (nm)=80'",
                     {"Shell thickness (nm)", "80"});
  expect_input_error(
      "run --set 'Interface filler/Joint=butt' --set 'Interface filler/Submodels=cation exchange'",
      {"Interface filler/Submodels", "neck growth"});
  expect_input_error("nano", {"input file"});
}

BOOST_AUTO_TEST_CASE(help_reference_and_validation_succeed)
{
  const Outcome help = run_ebweld("--help");
  BOOST_TEST(help.exit_code == 0);
  BOOST_TEST(help.output.find("Usage") != std::string::npos);

  // a result can be traced to its build: commit, libraries, build type, Catalyst
  const Outcome version = run_ebweld("--version");
  BOOST_TEST(version.exit_code == 0);
  for (const char *part : {"ebweld 0.", "commit ", " build)", "deal.II 9.", "PETSc 3.", "hypre 2.",
                           "ParaView Catalyst: "})
    BOOST_TEST(version.output.find(part) != std::string::npos, "--version lacks: " << part);

  const Outcome reference = run_ebweld("run --print-parameters");
  BOOST_TEST(reference.exit_code == 0);
  // the declared ranges, not deal.II's unbounded default, are what users see
  BOOST_TEST(reference.output.find("MAX_DOUBLE") == std::string::npos);
  for (const char *entry : {"Beam/Voltage (kV) = 20\n    type: [Number in [0.1, 1000]]",
                            "Heat sources/Active = Kanaya-Okayama",
                            "Material/Custom/Thermal conductivity (W/m/K) = 0", "type:"})
    BOOST_TEST(reference.output.find(entry) != std::string::npos, "reference lacks: " << entry);

  // docs/parameters.txt is generated from the declarations: it must not drift
  std::ifstream      doc(std::string(EBWELD_SOURCE_DIR) + "/docs/parameters.txt");
  std::ostringstream doc_text;
  doc_text << doc.rdbuf();
  BOOST_TEST(doc_text.str() == reference.output,
             "docs/parameters.txt is stale: regenerate it with "
             "'build/bin/ebweld run --print-parameters > docs/parameters.txt'");

  BOOST_TEST(run_ebweld("nano --help").exit_code == 0);
}

BOOST_AUTO_TEST_CASE(temperature_dependent_model_refuses_what_it_cannot_solve)
{
  const std::string on     = " --set 'Material/Temperature-dependent properties=true'";
  const std::string custom = " --set 'Material/Name=Plain' --set 'Material/Custom/Name=Plain'"
                             " --set 'Material/Custom/Thermal conductivity (W/m/K)=100'"
                             " --set 'Material/Custom/Density (kg/m^3)=2000'"
                             " --set 'Material/Custom/Heat capacity (J/kg/K)=700'"
                             " --set 'Material/Custom/Melting temperature (K)=1500'"
                             " --set 'Material/Custom/Boiling temperature (K)=3000'"
                             " --set 'Material/Custom/Atomic number=14'"
                             " --set 'Material/Custom/Atomic mass (g/mol)=28'";
  expect_input_error("run" + on + custom, {"Material/Temperature-dependent properties", "Plain",
                                           "Material/Custom/Property file"});
  expect_input_error("run" + on + " --set 'Discretisation/Element degree=2'",
                     {"Discretisation/Element degree", "1 with"});
  expect_input_error("run" + custom +
                         " --set 'Material/Custom/Name=Si'"
                         " --set 'Material/Name=Si'",
                     {"Material/Custom/Name", "Si", "shadow"});
  expect_input_error("run" + on +
                         " --set 'Material/Custom/Property file=/nonexistent/props.csv'"
                         " --set 'Material/Custom/Name=X' --set 'Material/Custom/Atomic number=14'"
                         " --set 'Material/Custom/Atomic mass (g/mol)=28'",
                     {"/nonexistent/props.csv"});
  expect_input_error("run --set 'Material/Melting range smoothing (K)=0'",
                     {"Material/Melting range smoothing (K)", "0"});
}

BOOST_AUTO_TEST_CASE(surface_loss_and_newton_settings_out_of_range)
{
  expect_input_error("run --set 'Surface losses/Recondensed fraction=1.5'",
                     {"Surface losses/Recondensed fraction", "1.5", "[0, 0.99]"});
  expect_input_error("run --set 'Surface losses/Ambient pressure (Pa)=-1'",
                     {"Surface losses/Ambient pressure (Pa)", "-1", "[0, 10000000]"});
  expect_input_error("run --set 'Nonlinear solver/Maximum Newton iterations=0'",
                     {"Nonlinear solver/Maximum Newton iterations", "0", "[1, 1000]"});
  expect_input_error("run --set 'Nonlinear solver/Relative tolerance=0.5'",
                     {"Nonlinear solver/Relative tolerance", "0.5"});
}

BOOST_AUTO_TEST_CASE(temperature_dependent_model_is_refused_where_not_supported_yet)
{
  const std::string on    = " --set 'Material/Temperature-dependent properties=true'";
  const std::string cases = std::string(EBWELD_SOURCE_DIR) + "/cases/";
  expect_input_error("run " + cases + "nano_weld_coupled/coupled.prm" + on,
                     {"Material/Temperature-dependent properties", "interface filler"});
  expect_input_error("optimize " + cases + "si_optimisation_ko/si_optimisation_ko.prm" + on,
                     {"Material/Temperature-dependent properties", "ebweld optimize"});
}

BOOST_AUTO_TEST_CASE(implausible_beams_and_meshes_are_refused_before_any_allocation)
{
  expect_input_error(
      "run --set 'Beam/Current (A)=10'",
      {"Beam/Current (A) x Beam/Voltage (kV) over Beam/Diameter FWHM (um)", "at most 1e+15 W/m^2"});
  expect_input_error("run --set 'Beam/Voltage (kV)=1e6'",
                     {"Beam/Voltage (kV) = 1e6", "[0.1, 1000]"});
  expect_input_error(
      "run --set 'Mesh/Cells per beam diameter=1000'",
      {"Resources/Memory limit (GB) = auto", "Mesh/Cells per beam diameter = 1000", "DoFs"});
  expect_input_error("run --validate " + std::string(EBWELD_SOURCE_DIR) +
                         "/cases/default/default.prm --set 'Mesh/Cells per beam diameter=1000'",
                     {"Resources/Memory limit (GB) = auto"});
  expect_input_error(
      "study --validate " + input_file("huge_case", "subsection Study\n  set Grid = Mesh/Cells per "
                                                    "beam diameter: 16, 1000\nend\n"),
      {"case Mesh/Cells per beam diameter=1000", "Resources/Memory limit (GB) = auto"});
}

BOOST_AUTO_TEST_CASE(unwritable_output_folders_are_refused_before_the_solve)
{
  const std::string file = "/tmp/ebweld_output_is_a_file";
  std::ofstream(file) << "not a folder\n";
  const std::string cases = std::string(EBWELD_SOURCE_DIR) + "/cases/";
  for (const std::string &command :
       {std::string("run"), "nano " + cases + "nano_cu_sintering/cu_sintering.prm",
        "optimize " + cases + "si_optimisation_ko/si_optimisation_ko.prm"})
    {
      const Outcome outcome = run_ebweld(command + " --output-dir " + file);
      BOOST_TEST_MESSAGE(command << " -> exit " << outcome.exit_code << ": " << outcome.output);
      BOOST_TEST(outcome.exit_code == 2, command);
      BOOST_TEST(outcome.output.find("--output-dir = " + file) != std::string::npos, command);
      BOOST_TEST(outcome.output.find("is not a directory") != std::string::npos, command);
      // refused at start-up: nothing was solved
      BOOST_TEST(outcome.output.find("solved:") == std::string::npos, command);
    }
  // named as the input file names it when --output-dir is not given
  expect_input_error("run --set 'Output/Directory=/proc/ebweld_output'",
                     {"Output/Directory = /proc/ebweld_output", "cannot be created"});
}

BOOST_AUTO_TEST_CASE(a_failed_run_leaves_no_summary_behind)
{
  // a summary.json in the folder means the last run there finished
  const std::string directory = "/tmp/ebweld_stale_summary";
  std::filesystem::remove_all(directory);
  std::filesystem::create_directories(directory);
  std::ofstream(directory + "/summary.json") << "{\"from\": \"an earlier run\"}\n";
  const Outcome outcome = run_ebweld(
      "run --set 'Mesh/Cells per beam diameter=6' --set 'Mesh/Cells per deposition depth=6' "
      "--set 'Material/Temperature-dependent properties=false' "
      "--set 'Linear solver/Preconditioner=jacobi' --set 'Linear solver/Maximum iterations=5' "
      "--output-dir " +
      directory);
  BOOST_TEST_MESSAGE(outcome.output);
  BOOST_TEST(outcome.exit_code == 3);
  BOOST_TEST(!std::ifstream(directory + "/summary.json").good());
}

BOOST_AUTO_TEST_CASE(inputs_switched_off_by_another_are_listed_as_ignored)
{
  const std::string base = "subsection Material\n  set Temperature-dependent properties = false\n"
                           "end\nsubsection Mesh\n  set Cells per beam diameter = 4\n"
                           "  set Cells per deposition depth = 4\nend\n";
  const std::string settings = "subsection Interface filler\n  set Layer width (um) = 3\nend\n"
                               "subsection Heat sources\n  subsection Goldak double ellipsoid\n"
                               "    set Depth (um) = 7\n  end\n  subsection Kanaya-Okayama\n"
                               "    set Depth-dose file = dose.csv\n  end\nend\n";
  const Outcome ignored = run_ebweld("run --validate " + input_file("ignored", base + settings));
  BOOST_TEST(ignored.exit_code == 0, ignored.output);
  for (const std::string warning :
       {"WARNING: ignored: Interface filler/Layer width (um) = 3 (Interface filler/Joint = none)",
        "WARNING: ignored: Heat sources/Goldak double ellipsoid/Depth (um) = 7 (not in Heat "
        "sources/Active = Kanaya-Okayama)",
        "WARNING: ignored: Heat sources/Kanaya-Okayama/Depth-dose file = dose.csv (Heat "
        "sources/Kanaya-Okayama/Depth profile = transmission, not table)"})
    BOOST_TEST(ignored.output.find(warning) != std::string::npos, "lacks: " << warning);
  // switched on, the same values are used: no warning
  const Outcome used = run_ebweld(
      "run --validate " +
      input_file("used", base + "subsection Interface filler\n  set Joint = butt\n"
                                "  set Layer width (um) = 3\nend\n"
                                "subsection Heat sources\n  set Active = Goldak double ellipsoid\n"
                                "  subsection Goldak double ellipsoid\n    set Depth (um) = 7\n"
                                "  end\nend\n"));
  BOOST_TEST(used.exit_code == 0, used.output);
  BOOST_TEST(used.output.find("ignored") == std::string::npos, used.output);
  // a run reports them in summary.json too
  const std::string folder = "/tmp/ebweld_input_ignored_run";
  std::filesystem::remove_all(folder);
  const Outcome run =
      run_ebweld("run " + input_file("ignored_run", base + settings) + " --output-dir " + folder +
                 " --set 'Output/Write fields=false' --set 'Output/Write "
                 "picture=false'");
  BOOST_TEST(run.exit_code == 0, run.output);
  std::ifstream     summary(folder + "/summary.json");
  const std::string text((std::istreambuf_iterator<char>(summary)),
                         std::istreambuf_iterator<char>());
  BOOST_TEST(text.find("ignored: Interface filler/Layer width (um) = 3") != std::string::npos,
             text);
}

BOOST_AUTO_TEST_CASE(a_run_of_a_study_file_warns_that_it_solves_the_base_case)
{
  const std::string input = input_file(
      "study_run", "subsection Material\n  set Temperature-dependent properties = false\nend\n"
                   "subsection Study\n  set Grid = Beam/Voltage (kV): 12, 15\nend\n"
                   "subsection Optimisation\n  set Penetration ratios = 2\nend\n");
  const Outcome run = run_ebweld("run --validate " + input);
  BOOST_TEST(run.exit_code == 0, run.output);
  for (const std::string warning :
       {"WARNING: ignored: Study/Grid = Beam/Voltage (kV): 12, 15 (ebweld run solves the base "
        "case; ebweld study reads them)",
        "WARNING: ignored: Optimisation/Penetration ratios = 2 (ebweld run solves the base case; "
        "ebweld optimize reads them)"})
    BOOST_TEST(run.output.find(warning) != std::string::npos, "lacks: " << warning);
  // the study itself reads them: no such warning there
  const Outcome study = run_ebweld("study --validate " + input);
  BOOST_TEST(study.exit_code == 0, study.output);
  BOOST_TEST(study.output.find("Study/Grid = ") == std::string::npos, study.output);
}

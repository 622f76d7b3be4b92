// ParaView Catalyst in situ output (postproc/catalyst), through the real
// binary under `scripts/with-virtual-display mpirun -np N` for N = 1 and 2: the extract
// pipeline writes exactly what the solver owns, the image pipeline renders
// a non-uniform PNG of the requested size framed on the melt pool, with
// the whole fusion line inside it,
// the live pipeline delivers each case of a study to a listening ParaView
// (postproc/catalyst/live_check.py in the GUI's place),
// and a missing or broken script stops the run at start-up with a clear
// error, writing nothing.

#include "tests/common/binary_runner.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace ebweld::testing;
namespace fs = std::filesystem;

namespace
{
  const std::string catalyst_dir = std::string(EBWELD_SOURCE_DIR) + "/postproc/catalyst/";
  // a small mesh: the pipelines, not the resolution, are under test
  // the constant-property model: the pipelines read T whatever solved it
  const std::string coarse = " --set 'Mesh/Cells per beam diameter=8'"
                             " --set 'Mesh/Cells per deposition depth=8'"
                             " --set 'Material/Temperature-dependent properties=false'";

  Outcome run_with(const unsigned int ranks, const std::string &directory,
                   const std::string &scripts, const std::string &environment = "")
  {
    fs::remove_all(directory);
    return run_clean(environment + " " + std::string(EBWELD_SOURCE_DIR) +
                     "/scripts/with-virtual-display mpirun --allow-run-as-root --oversubscribe "
                     "--bind-to none -np " +
                     std::to_string(ranks) + " " + EBWELD_BINARY + " run" + coarse +
                     " --output-dir " + directory + " " + scripts);
  }

  nlohmann::json summary(const std::string &directory)
  {
    return nlohmann::json::parse(std::ifstream(directory + "/summary.json"));
  }

  /// Runs a Python snippet with Debian's python3 (ParaView's VTK modules);
  /// returns its output parsed as JSON.
  nlohmann::json python(const std::string &code)
  {
    const std::string file = "/tmp/ebweld_catalyst_check.py";
    std::ofstream(file) << code;
    const Outcome outcome = run_clean("/usr/bin/python3 " + file);
    BOOST_TEST_MESSAGE("python: " << outcome.output);
    BOOST_REQUIRE_EQUAL(outcome.exit_code, 0);
    return nlohmann::json::parse(outcome.output.substr(outcome.output.rfind('{')));
  }
} // namespace

BOOST_AUTO_TEST_CASE(extract_pipeline_writes_what_the_solver_owns)
{
  for (const unsigned int ranks : {1u, 2u})
    {
      const std::string directory = "/tmp/ebweld_catalyst_extract_" + std::to_string(ranks);
      const Outcome     run =
          run_with(ranks, directory, "--catalyst " + catalyst_dir + "extract_fields.py");
      BOOST_TEST_MESSAGE(run.output);
      BOOST_REQUIRE_EQUAL(run.exit_code, 0);
      const auto s = summary(directory);
      // the .pvtu and one piece per rank, moved into place: no partial
      // directory left behind
      std::set<std::string> written, expected = {"fields_000000.pvtu"};
      for (const auto &entry : fs::directory_iterator(directory + "/catalyst"))
        written.insert(entry.path().filename().string());
      for (unsigned int r = 0; r < ranks; ++r)
        expected.insert("fields_000000_" + std::to_string(r) + ".vtu");
      BOOST_TEST(written == expected, boost::test_tools::per_element());
      const auto dataset = python(
          "from paraview.vtk.vtkIOXML import vtkXMLPUnstructuredGridReader\n"
          "import json\n"
          "def read(name):\n"
          "  r = vtkXMLPUnstructuredGridReader()\n"
          "  r.SetFileName('" +
          directory +
          "/' + name)\n"
          "  r.Update()\n"
          "  return r, r.GetOutput()\n"
          "r, g = read('catalyst/fields_000000.pvtu')\n"
          "_, own = read('fields.pvtu')\n"
          "T = g.GetPointData().GetArray('temperature_K')\n"
          "melted = g.GetPointData().GetArray('melted')\n"
          "z = [g.GetPoint(i)[2] for i in range(g.GetNumberOfPoints()) if melted.GetValue(i) > "
          "0.5]\n"
          "ranks = g.GetCellData().GetArray('mpi_rank').GetRange()\n"
          // the value ranges in each piece's header (the adaptor hands them
          // to VTK precomputed) against the values: scalars, and the points'
          // distances from the origin, as VTK defines a vector's range
          "from paraview.vtk.vtkIOXML import vtkXMLUnstructuredGridReader\n"
          "import math, re\n"
          "worst, checked = 0., 0\n"
          "for rank in range(" +
          std::to_string(ranks) +
          "):\n"
          "  path = '" +
          directory +
          "/catalyst/fields_000000_%d.vtu' % rank\n"
          "  header = {m.group(1).decode(): (float(m.group(2)), float(m.group(3))) for m in "
          "re.finditer(\n"
          "    rb'<DataArray "
          "[^>]*Name=\"(\\w+)\"[^>]*RangeMin=\"([^\"]+)\"\\s*RangeMax=\"([^\"]+)\"', open(path, "
          "'rb').read())}\n"
          "  p = vtkXMLUnstructuredGridReader()\n"
          "  p.SetFileName(path)\n"
          "  p.Update()\n"
          "  piece = p.GetOutput()\n"
          "  values = {'points': [math.sqrt(sum(x * x for x in piece.GetPoint(i))) for i in "
          "range(piece.GetNumberOfPoints())]}\n"
          "  for data in (piece.GetPointData(), piece.GetCellData()):\n"
          "    for a in (data.GetArray(i) for i in range(data.GetNumberOfArrays())):\n"
          "      values[a.GetName()] = [a.GetValue(i) for i in range(a.GetNumberOfTuples())]\n"
          "  for name, v in values.items():\n"
          "    for written, actual in zip(header[name], (min(v), max(v))):\n"
          "      worst = max(worst, abs(written - actual) / max(abs(actual), 1e-300))\n"
          "    checked += 1\n"
          "print(json.dumps({'points': g.GetNumberOfPoints(), 'cells': g.GetNumberOfCells(),\n"
          "  'range_mismatch': worst, 'ranges_checked': checked,\n"
          "  'T': T.GetRange(), 'nodal_melt_depth': max(z), 'ranks': ranks, 'pieces': "
          "r.GetNumberOfPieces(),\n"
          "  'own': [own.GetNumberOfPoints(), own.GetNumberOfCells(),\n"
          "          own.GetPointData().GetArray('temperature_K').GetRange()[1],\n"
          "          own.GetCellData().GetArray('mpi_rank').GetRange()[1]]}))\n");
      // each rank's owned cells, with their vertices: nothing gathered or lost
      BOOST_TEST(dataset["cells"].get<long long>() == s["cells"].get<long long>());
      BOOST_TEST(dataset["cells"].get<long long>() ==
                 s["catalyst"]["cells_handed"].get<long long>());
      BOOST_TEST(dataset["points"].get<long long>() ==
                 s["catalyst"]["points_handed"].get<long long>());
      BOOST_TEST(dataset["pieces"].get<int>() == int(ranks));
      BOOST_TEST(dataset["ranks"][1].get<double>() == ranks - 1.);
      // points, temperature, source density, melted and mpi_rank of each
      // piece; the header has 11 significant digits
      BOOST_TEST(dataset["ranges_checked"].get<int>() == 5 * int(ranks));
      BOOST_TEST(dataset["range_mismatch"].get<double>() < 1e-10);
      if (ranks == 1) // one rank: the points are the Q1 nodes
        BOOST_TEST(dataset["points"].get<long long>() == s["dofs"].get<long long>());
      // the same temperature range and melt pool as the solver's
      BOOST_TEST(dataset["T"][1].get<double>() == s["peak_temperature_K"].get<double>(),
                 boost::test_tools::tolerance(1e-12));
      BOOST_TEST(dataset["T"][0].get<double>() >= 300. - 1e-4); // SUPG undershoots by ~1e-6 K
      // nodes inside the pool lie no deeper than the interpolated melt depth,
      // and the deepest lies within one cell of it
      const double depth = s["melt_depth_m"].get<double>(),
                   nodal = dataset["nodal_melt_depth"].get<double>();
      BOOST_TEST(nodal <= depth * (1. + 1e-9));
      BOOST_TEST(nodal > 0.8 * depth);
      // ebweld's own .pvtu (solver/vtu_writer) holds the same grid and
      // fields, readable by ParaView's reader
      BOOST_TEST(dataset["own"][0].get<long long>() == dataset["points"].get<long long>());
      BOOST_TEST(dataset["own"][1].get<long long>() == dataset["cells"].get<long long>());
      BOOST_TEST(dataset["own"][2].get<double>() == s["peak_temperature_K"].get<double>(),
                 boost::test_tools::tolerance(1e-12));
      BOOST_TEST(dataset["own"][3].get<double>() == ranks - 1.);
    }
}

BOOST_AUTO_TEST_CASE(image_pipeline_renders_the_melt_pool)
{
  const std::string directory = "/tmp/ebweld_catalyst_image";
  const Outcome run = run_with(2, directory, "--catalyst " + catalyst_dir + "melt_pool_image.py",
                               "EBWELD_CATALYST_IMAGE_SIZE=640x400");
  BOOST_TEST_MESSAGE(run.output);
  BOOST_REQUIRE_EQUAL(run.exit_code, 0);
  const auto image =
      python("from paraview.vtk.vtkIOImage import vtkPNGReader\n"
             "import json\n"
             "r = vtkPNGReader()\n"
             "r.SetFileName('" +
             directory +
             "/catalyst/melt_pool_000000.png')\n"
             "r.Update()\n"
             "d = r.GetOutput()\n"
             "a = d.GetPointData().GetScalars()\n"
             "n, c = a.GetNumberOfTuples(), a.GetNumberOfComponents()\n"
             "pixels = [a.GetTuple(i)[:3] for i in range(n)]\n"
             "w = d.GetDimensions()[0]\n"
             "cyan = [i for i, p in enumerate(pixels) if p[0] < 60 and p[1] > 170 and p[2] > 220]\n"
             "hot = sum(1 for p in pixels if p[0] > 200 and p[1] > 120 and p[2] < 120)\n"
             "dark = sum(1 for p in pixels if max(p) < 40)\n"
             "background = sum(1 for p in pixels if min(p) > 245)\n"
             "xs, ys = [i % w for i in cyan], [i // w for i in cyan]\n"
             "box = [min(xs), max(xs), min(ys), max(ys)] if cyan else [0, 0, 0, 0]\n"
             "print(json.dumps({'size': d.GetDimensions()[:2], 'cyan': len(cyan), 'hot': hot, "
             "'dark': dark, 'background': background / n, 'isotherm_box': box, 'n': n}))\n");
  BOOST_TEST(image["size"][0].get<int>() == 640);
  BOOST_TEST(image["size"][1].get<int>() == 400);
  // not uniform: the isotherm line (cyan), the molten region inside it
  // (bright yellow-orange) and the cold solid (near black) are all there
  BOOST_TEST(image["cyan"].get<int>() > 100);
  BOOST_TEST(image["hot"].get<int>() > 100);
  BOOST_TEST(image["dark"].get<int>() > 100);
  // framed on the pool: the panels fill at least half of the picture (the
  // white background is the title, the colour bar's column and the margins;
  // a camera that sees past the domain shows more), and
  // the whole fusion line lies inside it, clear of the edges
  BOOST_TEST(image["background"].get<double>() < 0.5);
  const auto box = image["isotherm_box"];
  BOOST_TEST(box[0].get<int>() > 10);
  BOOST_TEST(box[1].get<int>() < 640 - 10);
  BOOST_TEST(box[2].get<int>() > 10);
  BOOST_TEST(box[3].get<int>() < 400 - 10);
  // and it spans a good part of the panels, not a speck in a corner
  BOOST_TEST(box[1].get<int>() - box[0].get<int>() > 640 / 3);
}

BOOST_AUTO_TEST_CASE(broken_scripts_stop_the_run_at_start_up)
{
  const std::string directory            = "/tmp/ebweld_catalyst_broken";
  const auto        expect_clean_failure = [&](const Outcome &run, const std::string &fragment) {
    BOOST_TEST_MESSAGE(run.output);
    BOOST_TEST(run.exit_code == 2);
    BOOST_TEST(run.output.find("ebweld: input error") != std::string::npos);
    BOOST_TEST(run.output.find(fragment) != std::string::npos, "message lacks: " << fragment);
    // stopped before the solve: nothing written, not even a summary
    BOOST_TEST(run.output.find("solved:") == std::string::npos);
    BOOST_TEST(!fs::exists(directory + "/summary.json"));
    BOOST_TEST(!fs::exists(directory + "/catalyst"));
  };
  expect_clean_failure(run_with(2, directory, "--catalyst /nonexistent/pipeline.py"),
                       "/nonexistent/pipeline.py: no such file");
  const std::string broken = "/tmp/ebweld_catalyst_syntax_error.py";
  std::ofstream(broken) << "# script-version: 2.0\nfrom paraview.simple import *\n"
                           "fields = TrivialProducer(registrationName='input'\n";
  expect_clean_failure(run_with(2, directory, "--catalyst " + broken), "Python syntax error");
  // version 1 (ebweld's own pipeline class): a script that raises while it
  // is imported, at a path with a quote and a space in it (the path
  // reaches Python intact), and one without DoCoProcessing
  const std::string raising = "/tmp/ebweld catalyst's raising.py";
  std::ofstream(raising) << "raise RuntimeError('raised on purpose')\n";
  const Outcome raised = run_with(2, directory, "--catalyst \"" + raising + "\"");
  expect_clean_failure(raised, raising + ": the Python pipeline could not be loaded");
  BOOST_TEST(raised.output.find("RuntimeError: raised on purpose") != std::string::npos);
  const std::string incomplete = "/tmp/ebweld_catalyst_incomplete.py";
  std::ofstream(incomplete) << "def RequestDataDescription(description):\n    pass\n";
  const Outcome half = run_with(1, directory, "--catalyst " + incomplete);
  expect_clean_failure(half, "the Python pipeline could not be loaded");
  BOOST_TEST(half.output.find("a version-1 Catalyst script defines DoCoProcessing(description)") !=
             std::string::npos);
  expect_clean_failure(run_with(1, directory, "--catalyst"), "--catalyst needs a script");
  // Catalyst Live's address: ParaView would fail silently, ebweld stops
  const std::string live = "--catalyst " + catalyst_dir + "live.py";
  expect_clean_failure(
      run_with(2, directory, live, "EBWELD_CATALYST_LIVE_URL=no-such-host.invalid:22222"),
      "EBWELD_CATALYST_LIVE_URL = 'no-such-host.invalid:22222': host "
      "'no-such-host.invalid' does not resolve");
  expect_clean_failure(run_with(1, directory, live, "EBWELD_CATALYST_LIVE_URL=127.0.0.1:99999"),
                       "EBWELD_CATALYST_LIVE_URL = '127.0.0.1:99999': expected HOST:PORT with "
                       "PORT in [1, 65535]");
}

// ebweld loads the adaptor deep-bound (solver/catalyst_session.cc): ParaView's
// libraries then bind libstdc++'s and libc's objects directly, which is
// right only when the executable holds no copies of them
BOOST_AUTO_TEST_CASE(executable_has_no_copy_relocations)
{
  const Outcome relocations = run_clean(std::string("readelf --relocs --wide ") + EBWELD_BINARY);
  BOOST_REQUIRE_EQUAL(relocations.exit_code, 0);
  BOOST_TEST(relocations.output.find("R_X86_64_GLOB_DAT") != std::string::npos); // it did list them
  BOOST_TEST(relocations.output.find("_COPY") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(live_pipeline_reaches_a_listening_paraview)
{
  // postproc/catalyst/live_check.py stands in for the GUI: it listens, asks
  // for the fields and reports what arrives. A study of three cases gives
  // three output points; Live delivers the fields from the output point
  // after the client asked for them, so at least two must arrive.
  const std::string directory = "/tmp/ebweld_catalyst_live";
  fs::remove_all(directory);
  fs::create_directories(directory);
  std::ofstream(directory + "/study.prm")
      << "subsection Output\n  set Write fields = false\n"
         "  set Write profiles = false\nend\n"
         "subsection Study\n  set Grid = Beam/Voltage (kV): 15, 20, 25\nend\n";
  const std::string client = directory + "/client.log";
  // one shell script, so that env -i covers the client and the run alike
  // a port the system reports free (another run may hold a fixed one)
  std::ofstream(directory + "/live.sh")
      << "port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind((\"\", 0)); "
         "print(s.getsockname()[1])')\n"
      << "/usr/bin/python3 " << catalyst_dir << "live_check.py --port $port"
      << " --updates 2 --timeout 240 >" << client << " 2>&1 &\nclient=$!\n"
      << "for i in $(seq 300); do grep -q listening " << client
      << " && break; sleep 0.1; done\n"
      // an address, not localhost: a minimal root may have no /etc/hosts
      << "EBWELD_CATALYST_LIVE_URL=127.0.0.1:$port " << EBWELD_SOURCE_DIR
      << "/scripts/with-virtual-display mpirun --allow-run-as-root --oversubscribe --bind-to none "
      << "-np 2 " << EBWELD_BINARY << " study " << directory << "/study.prm" << coarse
      << " --output-dir " << directory << "/out --ranks-per-case 2 --catalyst " << catalyst_dir
      << "live.py\nstatus=$?\nwait $client\necho \"ebweld exit $status, client exit $?\"\n";
  const Outcome     run = run_clean("/bin/sh " + directory + "/live.sh");
  std::stringstream log;
  log << std::ifstream(client).rdbuf();
  BOOST_TEST_MESSAGE(run.output << "\nclient:\n" << log.str());
  BOOST_TEST(run.output.find("ebweld exit 0, client exit 0") != std::string::npos);
  // the first update is one case's field: ambient far away, its peak at the beam
  const std::string text = log.str();
  const auto        line = text.find("{\"update\"");
  BOOST_REQUIRE(line != std::string::npos);
  const auto update = nlohmann::json::parse(text.substr(line, text.find('\n', line) - line));
  BOOST_TEST(update["temperature_K"][0].get<double>() >= 300. - 1e-4);
  // its peak temperature is one case's (results.csv: one row per case)
  std::ifstream results(directory + "/out/results.csv");
  std::string   row, cell;
  std::getline(results, row);
  std::size_t column = 0;
  for (std::stringstream header(row); std::getline(header, cell, ','); ++column)
    if (cell == "peak_temperature_K")
      break;
  std::vector<double> peaks;
  while (std::getline(results, row))
    {
      std::stringstream fields(row);
      for (std::size_t c = 0; c <= column; ++c)
        std::getline(fields, cell, ',');
      peaks.push_back(std::stod(cell));
    }
  BOOST_TEST(peaks.size() == 3u);
  const double live_peak = update["temperature_K"][1].get<double>();
  BOOST_TEST(
      std::any_of(peaks.begin(), peaks.end(),
                  [&](const double peak) { return std::abs(live_peak - peak) < 1e-9 * peak; }),
      "live peak " << live_peak << " K is no case's peak temperature");
  // bad arguments: a clear error naming the parameter, value and range
  const Outcome bad = run_clean("/usr/bin/python3 " + catalyst_dir + "live_check.py --port 70000");
  BOOST_TEST(bad.exit_code == 2);
  BOOST_TEST(bad.output.find("--port = 70000 is outside the allowed range [1, 65535]") !=
                 std::string::npos,
             bad.output);
}

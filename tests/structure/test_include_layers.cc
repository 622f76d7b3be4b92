// The layers of the code, read from the #include lines: a file includes
// only its own layer and the layers below it, and no two units (x.h with
// x.cc) include each other, directly or through others. The layers, from
// the bottom up:
//   solver/base
//   sources, materials, meshes, postproc (the models; only base below them)
//   solver/fe, solver/case, solver/post, solver/filler, solver/run,
//   solver/studies, solver/commands

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cfenv>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace
{
  namespace fs = std::filesystem;

  const std::vector<std::vector<std::string>> &layers()
  {
    static const std::vector<std::vector<std::string>> l = {
        {"solver/base/"},    {"sources/", "materials/", "meshes/", "postproc/"},
        {"solver/fe/"},      {"solver/case/"},
        {"solver/post/"},    {"solver/filler/"},
        {"solver/run/"},     {"solver/studies/"},
        {"solver/commands/"}};
    return l;
  }

  /// The layer of a path relative to the source tree, -1 if none.
  int layer_of(const std::string &path)
  {
    for (std::size_t i = 0; i < layers().size(); ++i)
      for (const auto &prefix : layers()[i])
        if (path.rfind(prefix, 0) == 0)
          return static_cast<int>(i);
    return -1;
  }

  /// path (relative) -> the project headers it includes (relative)
  std::map<std::string, std::vector<std::string>> read_includes()
  {
    const fs::path   root(EBWELD_SOURCE_DIR);
    const std::regex include_line(R"re(^\s*#\s*include\s+"([^"]+)")re");
    std::map<std::string, std::vector<std::string>> includes;
    for (const char *top : {"solver", "sources", "materials", "meshes", "postproc"})
      for (const auto &entry : fs::recursive_directory_iterator(root / top))
        {
          const auto ext = entry.path().extension();
          if (ext != ".h" && ext != ".cc")
            continue;
          const std::string file = fs::relative(entry.path(), root).string();
          std::ifstream     in(entry.path());
          std::string       line;
          auto             &list = includes[file];
          for (std::smatch m; std::getline(in, line);)
            if (std::regex_search(line, m, include_line))
              {
                // postproc/catalyst includes its own headers by bare name
                const std::string target =
                    m[1].str().find('/') == std::string::npos
                        ? fs::path(file).parent_path().string() + "/" + m[1].str()
                        : m[1].str();
                list.push_back(target);
              }
        }
    return includes;
  }

  std::string unit_of(const std::string &path)
  {
    return fs::path(path).replace_extension().string();
  }
} // namespace

BOOST_AUTO_TEST_CASE(no_file_includes_a_higher_layer)
{
  const auto  includes = read_includes();
  std::size_t checked  = 0;
  for (const auto &[file, targets] : includes)
    {
      const int own = layer_of(file);
      BOOST_TEST_REQUIRE(own >= 0, file << " is in no layer");
      for (const auto &target : targets)
        {
          BOOST_TEST(fs::exists(fs::path(EBWELD_SOURCE_DIR) / target),
                     file << " includes " << target << ", which does not exist");
          const int theirs = layer_of(target);
          BOOST_TEST(theirs <= own, file << " includes " << target << " of a higher layer ("
                                         << layers()[theirs].front() << " above "
                                         << layers()[own].front() << ")");
          ++checked;
        }
    }
  BOOST_TEST_MESSAGE("include layers: " << includes.size() << " files, " << checked
                                        << " project includes, none upwards");
  BOOST_TEST(includes.size() > 100u);
}

BOOST_AUTO_TEST_CASE(no_two_units_include_each_other)
{
  std::map<std::string, std::set<std::string>> graph; // unit -> units it includes
  for (const auto &[file, targets] : read_includes())
    for (const auto &target : targets)
      if (unit_of(target) != unit_of(file))
        graph[unit_of(file)].insert(unit_of(target));
  // depth-first search; a unit met again on the current path closes a circle
  std::map<std::string, int>               state; // 1: on the path, 2: done
  std::vector<std::string>                 path;
  std::function<void(const std::string &)> visit = [&](const std::string &unit) {
    state[unit] = 1;
    path.push_back(unit);
    for (const auto &next : graph[unit])
      if (state[next] == 1)
        {
          std::string circle;
          for (auto it = std::find(path.begin(), path.end(), next); it != path.end(); ++it)
            circle += *it + " -> ";
          BOOST_ERROR("include circle: " << circle << next);
        }
      else if (state[next] == 0)
        visit(next);
    path.pop_back();
    state[unit] = 2;
  };
  for (const auto &entry : graph)
    if (state[entry.first] == 0)
      visit(entry.first);
  BOOST_TEST_MESSAGE("include circles: none among " << graph.size() << " units");
  BOOST_TEST(graph.size() > 50u);
}

BOOST_AUTO_TEST_CASE(the_test_main_traps_invalid_operations)
{
  BOOST_TEST((fegetexcept() & FE_INVALID) != 0);
}

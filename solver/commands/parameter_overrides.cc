#include "solver/commands/parameter_overrides.h"

#include "solver/base/input_error.h"
#include "solver/base/number_pattern.h"
#include "solver/case/case_setup.h"
#include "solver/filler/interface_filler.h"
#include "solver/filler/nano_run.h"
#include "solver/post/postprocessor.h"
#include "solver/studies/optimisation.h"
#include "solver/studies/study_plan.h"

#include <deal.II/base/exceptions.h>
#include <deal.II/base/utilities.h>

#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

namespace ebweld
{
  namespace
  {
    std::string exception_text(const dealii::ExceptionBase &e)
    {
      std::ostringstream info;
      e.print_info(info);
      std::string text = info.str();
      // deal.II indents its messages; fold them into one readable block
      std::string folded;
      bool        space = false;
      for (const char ch : text)
        {
          if (ch == '\n' || ch == ' ' || ch == '\t')
            space = !folded.empty();
          else
            {
              if (space)
                folded += ' ';
              folded += ch;
              space = false;
            }
        }
      return folded;
    }

    /// ParameterHandler's JSON output spells characters other than
    /// letters and digits as "_" followed by two hex digits.
    std::string demangle(const std::string &key)
    {
      std::string name;
      for (std::size_t i = 0; i < key.size(); ++i)
        if (key[i] == '_' && i + 2 < key.size() + 0 && std::isxdigit(key[i + 1]) &&
            std::isxdigit(key[i + 2]))
          {
            name += static_cast<char>(std::stoi(key.substr(i + 1, 2), nullptr, 16));
            i += 2;
          }
        else
          name += key[i];
      return name;
    }

    void print_section(const nlohmann::json &node, const std::string &path, std::ostream &out)
    {
      for (const auto &[key, value] : node.items())
        {
          if (!value.is_object())
            continue;
          const std::string name = demangle(key);
          if (value.contains("value") && value.contains("pattern_description"))
            out << path << name << " = " << value.value("default_value", "") << "\n"
                << "    type: " << value.value("pattern_description", "") << "\n"
                << "    " << value.value("documentation", "") << "\n";
          else
            print_section(value, path + name + "/", out);
        }
    }

    /// What a pattern's description allows, as an error message says it.
    std::string allowed_text(const std::string &description)
    {
      const std::string text = dealii::Utilities::trim(description);
      for (const auto &[kind, phrase] :
           {std::pair<std::string, std::string>{"[Selection ", "one of "},
            {"[MultipleSelection ", "a comma-separated list of "}})
        if (text.rfind(kind, 0) == 0 && text.back() == ']')
          return phrase +
                 dealii::Utilities::trim(text.substr(kind.size(), text.size() - kind.size() - 1));
      if (text == "[Bool]")
        return "true or false";
      return NumberPattern::allowed_from_description(text);
    }

    /// The parts of deal.II's "value does not match the pattern" message.
    struct PatternMismatch
    {
      int         line = 0;
      std::string value, name, pattern;
    };

    std::optional<PatternMismatch> pattern_mismatch(const std::string &text)
    {
      const std::string value_at = "The entry value ", name_at = " for the entry named ",
                        pattern_at = " does not match the given pattern: ";
      const auto v = text.find(value_at), n = text.find(name_at), m = text.find(pattern_at);
      if (v == std::string::npos || n == std::string::npos || m == std::string::npos ||
          !(v < n && n < m))
        return std::nullopt;
      PatternMismatch mismatch;
      mismatch.value   = text.substr(v + value_at.size(), n - v - value_at.size());
      mismatch.name    = text.substr(n + name_at.size(), m - n - name_at.size());
      mismatch.pattern = text.substr(m + pattern_at.size());
      if (text.rfind("Line <", 0) == 0)
        mismatch.line = std::atoi(text.c_str() + 6);
      return mismatch;
    }

    /// One line of an input file: the subsections open before it ("A/B/")
    /// and, for a `set` line, the entry it sets.
    struct InputLine
    {
      std::string sections;
      std::string entry;
    };

    /// The lines of the input file at `path`, first line at index 0.
    std::vector<InputLine> scan_input_file(const std::string &path)
    {
      std::ifstream            in(path);
      std::vector<std::string> open;
      std::vector<InputLine>   lines;
      std::string              text;
      while (std::getline(in, text))
        {
          InputLine line;
          for (const auto &section : open)
            line.sections += section + "/";
          text             = dealii::Utilities::trim(text.substr(0, text.find('#')));
          const auto words = dealii::Utilities::split_string_list(text, ' ');
          if (!words.empty() && words[0] == "subsection")
            open.push_back(dealii::Utilities::trim(text.substr(10)));
          else if (text == "end" && !open.empty())
            open.pop_back();
          else if (!words.empty() && words[0] == "set" && text.find('=') != std::string::npos)
            line.entry = dealii::Utilities::trim(text.substr(3, text.find('=') - 3));
          lines.push_back(line);
        }
      return lines;
    }

    /// "A/B/" of the subsections open before line `line` (from 1) of the file.
    std::string subsections_before(const std::string &path, const int line)
    {
      const auto lines = scan_input_file(path);
      return line >= 1 && line <= static_cast<int>(lines.size()) ? lines[line - 1].sections : "";
    }

    /// A parameter set twice in one file: the second would silently win.
    void refuse_repeated_entries(const std::string &path)
    {
      std::map<std::string, std::size_t> first_line;
      const auto                         lines = scan_input_file(path);
      for (std::size_t i = 0; i < lines.size(); ++i)
        {
          if (lines[i].entry.empty())
            continue;
          const std::string name       = lines[i].sections + lines[i].entry;
          const auto [known, inserted] = first_line.emplace(name, i + 1);
          if (!inserted)
            throw InputError("input file '" + path + "': " + name + " is set on lines " +
                             std::to_string(known->second) + " and " + std::to_string(i + 1) +
                             ": set each parameter once (--set overrides the file)");
        }
    }
  } // namespace

  void parse_input_file(dealii::ParameterHandler &prm, const std::string &path)
  {
    if (!std::filesystem::is_regular_file(path))
      throw_input_error("input file", "'" + path + "'", "an existing, readable parameter file");
    refuse_repeated_entries(path);
    try
      {
        prm.parse_input(path);
      }
    catch (const dealii::ExceptionBase &e)
      {
        const std::string text = exception_text(e);
        if (const auto mismatch = pattern_mismatch(text))
          throw_input_error(subsections_before(path, mismatch->line) + mismatch->name,
                            mismatch->value, allowed_text(mismatch->pattern));
        throw InputError("input file '" + path + "': " + text);
      }
  }

  void apply_override(dealii::ParameterHandler &prm, const std::string &assignment)
  {
    const auto equals = assignment.find('=');
    if (equals == std::string::npos || equals == 0)
      throw InputError("--set '" + assignment + "' is invalid: must be \"Section/Name=value\"");
    const std::string path  = dealii::Utilities::trim(assignment.substr(0, equals));
    const std::string value = dealii::Utilities::trim(assignment.substr(equals + 1));
    const auto        parts = dealii::Utilities::split_string_list(path, '/');

    std::string last_error;
    // Try the longest entry names last: "A/B/x (W/m/K)" is most often
    // subsections A, B and the name "x (W/m/K)".
    for (std::size_t n_sections = parts.size() - 1; n_sections + 1 > 0; --n_sections)
      {
        std::string input;
        for (std::size_t i = 0; i < n_sections; ++i)
          input += "subsection " + parts[i] + "\n";
        std::string name;
        for (std::size_t i = n_sections; i < parts.size(); ++i)
          name += (name.empty() ? "" : "/") + parts[i];
        input += "set " + name + " = " + value + "\n";
        for (std::size_t i = 0; i < n_sections; ++i)
          input += "end\n";
        try
          {
            prm.parse_input_from_string(input);
            return;
          }
        catch (const dealii::ExceptionBase &e)
          {
            const std::string text = exception_text(e);
            // keep the most specific message: a value that fails its pattern
            if (last_error.empty() || text.find("does not match") != std::string::npos)
              last_error = text;
          }
        if (n_sections == 0)
          break;
      }
    if (const auto mismatch = pattern_mismatch(last_error))
      throw_input_error(path, value, allowed_text(mismatch->pattern));
    const auto line_info = last_error.find(": ");
    if (last_error.rfind("Line", 0) == 0 && line_info != std::string::npos)
      last_error = last_error.substr(line_info + 2);
    throw InputError("--set '" + assignment + "': " + last_error +
                     " (see 'ebweld run --print-parameters')");
  }

  void read_input(dealii::ParameterHandler &prm, const std::string &file,
                  const std::vector<std::string> &overrides)
  {
    declare_case_parameters(prm);
    StudyPlan::declare_parameters(prm);
    OptimisationSettings::declare_parameters(prm);
    declare_nano_parameters(prm);
    declare_filler_parameters(prm);
    PostprocessorRegistry::instance().declare_parameters(prm);
    if (!file.empty())
      parse_input_file(prm, file);
    for (const auto &assignment : overrides)
      apply_override(prm, assignment);
  }

  void print_parameter_reference(const dealii::ParameterHandler &prm, std::ostream &out)
  {
    std::ostringstream json;
    prm.print_parameters(json, dealii::ParameterHandler::JSON);
    print_section(nlohmann::json::parse(json.str()), "", out);
  }
} // namespace ebweld

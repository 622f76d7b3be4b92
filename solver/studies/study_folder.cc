#include "solver/studies/study_folder.h"

#include "solver/base/atomic_file.h"
#include "solver/base/input_error.h"
#include "solver/base/parameter_tree.h"

#include <deal.II/base/mpi.h>

#include <filesystem>
#include <fstream>

namespace ebweld
{
  namespace
  {
    /// first_difference() below `path` ("Study/Results file/"): the input
    /// is an object of "Section/Name" keys, the cases an array of ids
    std::string difference_under(const nlohmann::ordered_json &recorded,
                                 const nlohmann::ordered_json &current, const std::string &path)
    {
      if (recorded.is_object() && current.is_object())
        {
          for (const auto &[key, value] : recorded.items())
            if (!current.contains(key))
              return path + key + " is in the recorded study only";
            else if (const auto d = difference_under(value, current[key], path + key + "/");
                     !d.empty())
              return d;
          for (const auto &[key, value] : current.items())
            if (!recorded.contains(key))
              return path + key + " is new in this study";
          return "";
        }
      if (recorded.is_array() && current.is_array())
        {
          if (recorded.size() != current.size())
            return "the recorded study has " + std::to_string(recorded.size()) +
                   " cases, this one " + std::to_string(current.size());
          for (std::size_t i = 0; i < recorded.size(); ++i)
            if (recorded[i] != current[i])
              return "case " + std::to_string(i) + " was '" + recorded[i].get<std::string>() +
                     "', is '" + current[i].get<std::string>() + "' here";
          return "";
        }
      if (recorded == current)
        return "";
      const auto text = [](const nlohmann::ordered_json &v) {
        return v.is_string() ? v.get<std::string>() : v.dump();
      };
      return path.substr(0, path.size() - 1) + " was '" + text(recorded) + "', is '" +
             text(current) + "' here";
    }

    const std::string elsewhere = ". Use another Output/Directory (or --output-dir), or remove "
                                  "the folder to start this study afresh";

    /// Why `directory` cannot hold the study `definition` (empty if it can;
    /// a first run records it).
    std::string check_or_record(const std::string            &directory,
                                const nlohmann::ordered_json &definition,
                                const std::string            &results_file)
    {
      const std::string record = directory + "/study.json";
      if (std::filesystem::exists(record))
        {
          nlohmann::ordered_json recorded;
          std::ifstream          in(record);
          try
            {
              recorded = nlohmann::ordered_json::parse(in);
            }
          catch (const nlohmann::json::exception &e)
            {
              return "has a study.json that cannot be read (" + std::string(e.what()) + ")" +
                     elsewhere;
            }
          const std::string difference = first_difference(recorded, definition);
          return difference.empty()
                     ? ""
                     : "holds another study, recorded in " + record + ": " + difference + elsewhere;
        }
      if (std::filesystem::exists(directory + "/" + results_file))
        return "holds " + results_file + " but no study.json recording which study wrote it" +
               elsewhere;
      write_file_atomically(record, [&](std::ostream &out) { out << definition.dump(2) << "\n"; });
      return "";
    }
  } // namespace

  nlohmann::ordered_json study_definition(const dealii::ParameterHandler &prm,
                                          const StudyPlan                &plan)
  {
    nlohmann::ordered_json input = nlohmann::ordered_json::object();
    for (const auto &entry : parameter_entries(prm))
      if (entry.path.rfind("Output/", 0) != 0 && entry.path.rfind("Resources/", 0) != 0 &&
          entry.path.rfind("Study/", 0) != 0)
        input[entry.path] = entry.value;
    nlohmann::ordered_json cases = nlohmann::ordered_json::array();
    for (const auto &c : plan.cases)
      cases.push_back(c.id());
    return {{"input", input}, {"results file", plan.results_file}, {"cases", cases}};
  }

  std::string first_difference(const nlohmann::ordered_json &recorded,
                               const nlohmann::ordered_json &current)
  {
    // the input's parameters by their own paths, the results file by its parameter
    const std::pair<const char *, const char *> parts[] = {
        {"input", ""}, {"results file", "Study/Results file/"}, {"cases", ""}};
    for (const auto &[key, path] : parts)
      if (const auto d = difference_under(recorded.value(key, nlohmann::ordered_json()),
                                          current.value(key, nlohmann::ordered_json()), path);
          !d.empty())
        return d;
    return "";
  }

  StudyFolderClaim::StudyFolderClaim(const std::string            &directory,
                                     const nlohmann::ordered_json &definition,
                                     const std::string &results_file, const MPI_Comm comm)
  {
    std::string refusal;
    if (dealii::Utilities::MPI::this_mpi_process(comm) == 0)
      {
        auto lock = FileLock::try_lock(directory + "/study.lock");
        if (!lock.held())
          refusal = "is in use by another ebweld study (it holds " + directory +
                    "/study.lock): wait for that one to end, or use another Output/Directory "
                    "(or --output-dir)";
        else
          {
            refusal = check_or_record(directory, definition, results_file);
            lock_.emplace(std::move(lock));
          }
      }
    refusal = dealii::Utilities::MPI::broadcast(comm, refusal, 0);
    if (!refusal.empty())
      throw InputError("the output folder '" + directory + "' " + refusal);
  }
} // namespace ebweld

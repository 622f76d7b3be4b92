#include "solver/studies/study_folder.h"

#include "materials/material_database.h"
#include "solver/base/atomic_file.h"
#include "solver/base/input_error.h"
#include "solver/base/parameter_tree.h"

#include <boost/crc.hpp>

#include <deal.II/base/mpi.h>

#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iterator>
#include <sstream>

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

    /// The CRC-32 of the file at `path`, as 8 hex digits ("" if unreadable:
    /// the case that reads it reports that).
    std::string content_checksum(const std::string &path)
    {
      std::ifstream in(path, std::ios::binary);
      if (!in)
        return "";
      const std::string  content((std::istreambuf_iterator<char>(in)),
                                 std::istreambuf_iterator<char>());
      boost::crc_32_type crc;
      crc.process_bytes(content.data(), content.size());
      std::ostringstream hex;
      hex << std::hex << std::setw(8) << std::setfill('0') << crc.checksum();
      return hex.str();
    }

    /// Whether the input `path` names a file ("... file").
    bool names_a_file(const std::string &path)
    {
      const std::string suffix = " file";
      return path.size() > suffix.size() &&
             path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
    }

    /// The checksums of the files the study reads, by path: those named by
    /// an input of the base case or of a case, and the temperature-dependent
    /// data of the material in a user's material table. An edited file makes
    /// another study, although every input reads the same.
    nlohmann::ordered_json file_checksums(const nlohmann::ordered_json &input,
                                          const StudyPlan              &plan)
    {
      std::vector<std::string> files;
      for (const auto &[path, value] : input.items())
        if (names_a_file(path) && !value.get<std::string>().empty())
          files.push_back(value.get<std::string>());
      for (const auto &c : plan.cases)
        for (const auto &[path, value] : c.overrides)
          if (names_a_file(path) && !value.empty())
            files.push_back(value);
      if (const std::string table = input.value("Material/Database file", ""); !table.empty())
        files.push_back(
            MaterialDatabase::property_file_path(table, input.value("Material/Name", "")));
      nlohmann::ordered_json checksums = nlohmann::ordered_json::object();
      for (const auto &file : files)
        if (const std::string crc = content_checksum(file); !crc.empty())
          checksums[file] = crc;
      return checksums;
    }

    /// The first file whose checksum differs between `recorded` and `current`.
    std::string changed_file(const nlohmann::ordered_json &recorded,
                             const nlohmann::ordered_json &current)
    {
      for (const auto &[file, crc] : recorded.items())
        if (!current.contains(file))
          return "the file " + file + " is read by the recorded study only";
        else if (current[file] != crc)
          return "the file " + file + " changed since the study began (CRC-32 " +
                 crc.get<std::string>() + ", now " + current[file].get<std::string>() + ")";
      for (const auto &[file, crc] : current.items())
        if (!recorded.contains(file))
          return "the file " + file + " is read by this study only";
      return "";
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
    nlohmann::ordered_json files = file_checksums(input, plan);
    return {
        {"input", input}, {"files", files}, {"results file", plan.results_file}, {"cases", cases}};
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
    return changed_file(recorded.value("files", nlohmann::ordered_json::object()),
                        current.value("files", nlohmann::ordered_json::object()));
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

#pragma once
// Run-time selection of models by name (docs/DESIGN.md 2): each model file
// registers a factory and its parameter declarations; the input pattern,
// the parameter subsections and the documentation all come from here, so
// that a new model is a new file, not an edit of a switch statement.

#include "solver/base/parameter_section.h"

#include <deal.II/base/parameter_handler.h>

#include <functional>
#include <map>
#include <memory>
#include <string>

namespace ebweld
{
  template <typename Model, typename... Context>
  class ModelRegistry
  {
  public:
    using Declare = std::function<void(dealii::ParameterHandler &)>;
    using Create =
        std::function<std::unique_ptr<Model>(const ParameterSection &, const Context &...)>;

    bool add(const std::string &name, const std::string &description, Declare declare,
             Create create)
    {
      entries_[name] = {description, std::move(declare), std::move(create)};
      return true;
    }

    /// "a|b|c", for Patterns::Selection / MultipleSelection.
    std::string pattern() const
    {
      std::string names;
      for (const auto &entry : entries_)
        names += (names.empty() ? "" : "|") + entry.first;
      return names;
    }

    /// One line per model: "\n  name: description".
    std::string documentation() const
    {
      std::string docs;
      for (const auto &[name, entry] : entries_)
        docs += "\n  " + name + ": " + entry.description;
      return docs;
    }

    /// Declares one subsection per model in the current subsection;
    /// `common` declares entries every model's subsection has.
    void declare_subsections(dealii::ParameterHandler &prm, const Declare &common = {}) const
    {
      for (const auto &[name, entry] : entries_)
        {
          prm.enter_subsection(name);
          if (common)
            common(prm);
          entry.declare(prm);
          prm.leave_subsection();
        }
    }

    /// Builds model `name` from its subsection of `parent`.
    std::unique_ptr<Model> create(const std::string &name, const ParameterSection &parent,
                                  const Context &...context) const
    {
      const ParameterSection section(parent, name);
      return entries_.at(name).create(section, context...);
    }

  private:
    struct Entry
    {
      std::string description;
      Declare     declare;
      Create      create;
    };
    std::map<std::string, Entry> entries_;
  };
} // namespace ebweld

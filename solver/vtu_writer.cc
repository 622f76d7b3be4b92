#include "solver/vtu_writer.h"

#include <deal.II/base/utilities.h>

#include <cstdint>
#include <cstring>

namespace ebweld
{
  namespace
  {
    constexpr std::uint8_t vtk_hexahedron = 12;

    template <typename T>
    const char *vtk_type();
    template <>
    const char *vtk_type<double>() { return "Float64"; }
    template <>
    const char *vtk_type<long long>() { return "Int64"; }
    template <>
    const char *vtk_type<std::uint8_t>() { return "UInt8"; }

    /// One DataArray: a UInt64 byte count, then the values, in base64.
    template <typename T>
    void write_array(std::ostream &out, const char *name, const std::vector<T> &values,
                     const unsigned int components = 1)
    {
      const std::uint64_t        bytes = values.size() * sizeof(T);
      std::vector<unsigned char> binary(sizeof(bytes) + bytes);
      std::memcpy(binary.data(), &bytes, sizeof(bytes));
      if (bytes > 0)
        std::memcpy(binary.data() + sizeof(bytes), values.data(), bytes);
      out << "<DataArray type=\"" << vtk_type<T>() << "\" Name=\"" << name
          << "\" NumberOfComponents=\"" << components << "\" format=\"binary\">\n"
          << dealii::Utilities::encode_base64(binary) << "\n</DataArray>\n";
    }

    void header(std::ostream &out, const char *type)
    {
      out << "<?xml version=\"1.0\"?>\n<VTKFile type=\"" << type
          << "\" version=\"1.0\" byte_order=\"LittleEndian\" header_type=\"UInt64\">\n";
    }
  } // namespace

  void write_vtu(std::ostream &out, const LocalGrid &grid)
  {
    header(out, "UnstructuredGrid");
    out << "<UnstructuredGrid>\n<Piece NumberOfPoints=\"" << grid.n_points()
        << "\" NumberOfCells=\"" << grid.n_cells() << "\">\n<Points>\n";
    write_array(out, "Points", grid.points_m, 3);
    out << "</Points>\n<Cells>\n";
    write_array(out, "connectivity", grid.connectivity);
    std::vector<long long> offsets(grid.n_cells());
    for (std::size_t c = 0; c < offsets.size(); ++c)
      offsets[c] = 8 * (c + 1);
    write_array(out, "offsets", offsets);
    write_array(out, "types", std::vector<std::uint8_t>(grid.n_cells(), vtk_hexahedron));
    out << "</Cells>\n<PointData>\n";
    for (const auto &[name, values] : grid.point_fields)
      write_array(out, name.c_str(), values);
    out << "</PointData>\n<CellData>\n";
    for (const auto &[name, values] : grid.cell_fields)
      write_array(out, name.c_str(), values);
    out << "</CellData>\n</Piece>\n</UnstructuredGrid>\n</VTKFile>\n";
  }

  void write_pvtu(std::ostream &out, const LocalGrid &grid, const std::vector<std::string> &pieces)
  {
    const auto declare = [&](const char *type, const std::string &name, const unsigned int components) {
      out << "<PDataArray type=\"" << type << "\" Name=\"" << name << "\" NumberOfComponents=\""
          << components << "\"/>\n";
    };
    header(out, "PUnstructuredGrid");
    out << "<PUnstructuredGrid GhostLevel=\"0\">\n<PPoints>\n";
    declare("Float64", "Points", 3);
    out << "</PPoints>\n<PPointData>\n";
    for (const auto &field : grid.point_fields)
      declare("Float64", field.first, 1);
    out << "</PPointData>\n<PCellData>\n";
    for (const auto &field : grid.cell_fields)
      declare("Float64", field.first, 1);
    out << "</PCellData>\n";
    for (const auto &piece : pieces)
      out << "<Piece Source=\"" << piece << "\"/>\n";
    out << "</PUnstructuredGrid>\n</VTKFile>\n";
  }
} // namespace ebweld

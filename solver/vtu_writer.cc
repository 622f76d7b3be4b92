#include "solver/vtu_writer.h"

#include "postproc/catalyst/catalyst_adaptor.h"

#include <cstdint>
#include <cstring>
#include <string>

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
    const char *vtk_type<std::int32_t>() { return "Int32"; }
    template <>
    const char *vtk_type<std::uint8_t>() { return "UInt8"; }

    /// Standard base64 (RFC 4648) of `bytes`, appended to `out`. deal.II's
    /// encode_base64 goes through Boost's iterator adaptors, about ten
    /// times slower; this writer exists to be fast.
    void append_base64(std::string &out, const unsigned char *bytes, const std::size_t n)
    {
      static constexpr char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
      out.reserve(out.size() + 4 * ((n + 2) / 3));
      std::size_t i = 0;
      for (; i + 3 <= n; i += 3)
        {
          const std::uint32_t v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
          out += {alphabet[v >> 18], alphabet[(v >> 12) & 63], alphabet[(v >> 6) & 63], alphabet[v & 63]};
        }
      if (i < n)
        {
          const std::uint32_t v = (bytes[i] << 16) | (i + 1 < n ? bytes[i + 1] << 8 : 0);
          out += {alphabet[v >> 18], alphabet[(v >> 12) & 63], i + 1 < n ? alphabet[(v >> 6) & 63] : '=', '='};
        }
    }

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
      std::string encoded;
      append_base64(encoded, binary.data(), binary.size());
      out << "<DataArray type=\"" << vtk_type<T>() << "\" Name=\"" << name
          << "\" NumberOfComponents=\"" << components << "\" format=\"binary\">\n"
          << encoded << "\n</DataArray>\n";
    }

    template <typename Index>
    void write_cells(std::ostream &out, const LocalGrid &grid)
    {
      write_array(out, "connectivity",
                  std::vector<Index>(grid.connectivity.begin(), grid.connectivity.end()));
      std::vector<Index> offsets(grid.n_cells());
      for (std::size_t c = 0; c < offsets.size(); ++c)
        offsets[c] = static_cast<Index>(8 * (c + 1));
      write_array(out, "offsets", offsets);
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
    if (ebweld_hexahedra_fit_int32(grid.n_cells()))
      write_cells<std::int32_t>(out, grid);
    else
      write_cells<long long>(out, grid);
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

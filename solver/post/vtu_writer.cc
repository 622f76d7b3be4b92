#include "solver/post/vtu_writer.h"

#include "postproc/catalyst/catalyst_adaptor.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

namespace ebweld
{
  namespace
  {
    constexpr std::uint8_t vtk_hexahedron = 12;

    template <typename T>
    const char *vtk_type();
    template <>
    const char *vtk_type<double>()
    {
      return "Float64";
    }
    template <>
    const char *vtk_type<long long>()
    {
      return "Int64";
    }
    template <>
    const char *vtk_type<std::int32_t>()
    {
      return "Int32";
    }
    template <>
    const char *vtk_type<std::uint8_t>()
    {
      return "UInt8";
    }

    /// Standard base64 (RFC 4648) of the bytes it is fed, in pieces, as one
    /// stream, written to `out` a block at a time: an array is encoded
    /// without first being copied whole into a byte buffer and a string
    /// (that touched three times its size of fresh memory). deal.II's
    /// encode_base64 goes through Boost's iterator adaptors, about ten
    /// times slower; this writer exists to be fast.
    class Base64Stream
    {
    public:
      explicit Base64Stream(std::ostream &out)
          : out_(out)
      {
      }

      void add(const unsigned char *bytes, std::size_t n)
      {
        // first complete the triple the previous piece left unfinished
        for (; n > 0 && n_pending_ > 0; --n)
          {
            pending_[n_pending_++] = *bytes++;
            if (n_pending_ == 3)
              {
                encode(pending_);
                n_pending_ = 0;
              }
          }
        for (; n >= 3; bytes += 3, n -= 3)
          encode(bytes);
        for (; n > 0; --n)
          pending_[n_pending_++] = *bytes++;
      }

      /// Pads the last 1 or 2 bytes and writes what is left.
      void finish()
      {
        if (n_pending_ > 0)
          {
            std::fill(pending_ + n_pending_, pending_ + 3, 0);
            encode(pending_);
            std::fill(block_.begin() + used_ - (3 - n_pending_), block_.begin() + used_, '=');
            n_pending_ = 0;
          }
        out_.write(block_.data(), used_);
        used_ = 0;
      }

    private:
      void encode(const unsigned char *b)
      {
        static constexpr char alphabet[] =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        if (used_ + 4 > block_.size())
          {
            out_.write(block_.data(), used_);
            used_ = 0;
          }
        const std::uint32_t v = (b[0] << 16) | (b[1] << 8) | b[2];
        block_[used_++]       = alphabet[v >> 18];
        block_[used_++]       = alphabet[(v >> 12) & 63];
        block_[used_++]       = alphabet[(v >> 6) & 63];
        block_[used_++]       = alphabet[v & 63];
      }

      std::ostream             &out_;
      unsigned char             pending_[3] = {0, 0, 0};
      unsigned int              n_pending_  = 0;
      std::array<char, 1 << 16> block_;
      std::size_t               used_ = 0;
    };

    /// One DataArray of n values of type T, value(i) being the i-th: a
    /// UInt64 byte count, then the values, in base64. Values go through a
    /// small buffer, so that converted or computed arrays (32-bit
    /// connectivity, offsets) need no full-size copy either.
    template <typename T, typename Value>
    void write_array(std::ostream &out, const char *name, const std::size_t n, const Value &value,
                     const unsigned int components = 1)
    {
      out << "<DataArray type=\"" << vtk_type<T>() << "\" Name=\"" << name
          << "\" NumberOfComponents=\"" << components << "\" format=\"binary\">\n";
      Base64Stream        encoded(out);
      const std::uint64_t bytes = n * sizeof(T);
      encoded.add(reinterpret_cast<const unsigned char *>(&bytes), sizeof(bytes));
      std::array<T, 4096> buffer;
      for (std::size_t first = 0; first < n; first += buffer.size())
        {
          const std::size_t count = std::min(buffer.size(), n - first);
          for (std::size_t i = 0; i < count; ++i)
            buffer[i] = value(first + i);
          encoded.add(reinterpret_cast<const unsigned char *>(buffer.data()), count * sizeof(T));
        }
      encoded.finish();
      out << "\n</DataArray>\n";
    }

    void write_values(std::ostream &out, const char *name, const std::vector<double> &values,
                      const unsigned int components = 1)
    {
      write_array<double>(
          out, name, values.size(), [&](const std::size_t i) { return values[i]; }, components);
    }

    template <typename Index>
    void write_cells(std::ostream &out, const LocalGrid &grid)
    {
      write_array<Index>(out, "connectivity", grid.connectivity.size(), [&](const std::size_t i) {
        return static_cast<Index>(grid.connectivity[i]);
      });
      write_array<Index>(out, "offsets", grid.n_cells(),
                         [](const std::size_t c) { return static_cast<Index>(8 * (c + 1)); });
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
    write_values(out, "Points", grid.points_m, 3);
    out << "</Points>\n<Cells>\n";
    if (ebweld_hexahedra_fit_int32(grid.n_cells()))
      write_cells<std::int32_t>(out, grid);
    else
      write_cells<long long>(out, grid);
    write_array<std::uint8_t>(out, "types", grid.n_cells(),
                              [](std::size_t) { return vtk_hexahedron; });
    out << "</Cells>\n<PointData>\n";
    for (const auto &[name, values] : grid.point_fields)
      write_values(out, name.c_str(), values);
    out << "</PointData>\n<CellData>\n";
    for (const auto &[name, values] : grid.cell_fields)
      write_values(out, name.c_str(), values);
    out << "</CellData>\n</Piece>\n</UnstructuredGrid>\n</VTKFile>\n";
  }

  void write_pvtu(std::ostream &out, const LocalGrid &grid, const std::vector<std::string> &pieces)
  {
    const auto declare = [&](const char *type, const std::string &name,
                             const unsigned int components) {
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

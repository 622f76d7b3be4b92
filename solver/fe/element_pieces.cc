#include "solver/fe/element_pieces.h"

#include <deal.II/fe/fe_q.h>
#include <deal.II/fe/fe_q_iso_q1.h>

#include <cmath>
#include <stdexcept>

namespace ebweld
{
  using namespace dealii;

  ElementPieces::ElementPieces(const FiniteElement<3> &fe)
  {
    if (dynamic_cast<const FE_Q<3> *>(&fe) != nullptr)
      {
        piece_element_ = fe.clone();
        local_dofs_.emplace_back(fe.n_dofs_per_cell());
        for (unsigned int i = 0; i < fe.n_dofs_per_cell(); ++i)
          local_dofs_[0][i] = i;
        return;
      }
    if (dynamic_cast<const FE_Q_iso_Q1<3> *>(&fe) == nullptr)
      throw std::invalid_argument("ElementPieces: " + fe.get_name() +
                                  " is neither FE_Q nor FE_Q_iso_Q1");
    // FE_Q_iso_Q1(m)'s support points are the nodes i/m, j/m, k/m: piece
    // (a, b, c)'s vertex (i, j, k) is the node (a + i, b + j, c + k)
    piece_element_     = std::make_unique<FE_Q<3>>(1);
    const auto &points = fe.get_unit_support_points();
    per_direction_ = static_cast<unsigned int>(std::lround(std::cbrt(double(points.size())))) - 1;
    const unsigned int        m = per_direction_, nodes = m + 1;
    std::vector<unsigned int> dof_of_node(points.size());
    for (unsigned int i = 0; i < points.size(); ++i)
      {
        unsigned int node = 0;
        for (unsigned int d = 3; d-- > 0;)
          node = node * nodes + static_cast<unsigned int>(std::lround(points[i][d] * m));
        dof_of_node[node] = i;
      }
    for (unsigned int c = 0; c < m; ++c)
      for (unsigned int b = 0; b < m; ++b)
        for (unsigned int a = 0; a < m; ++a)
          {
            std::vector<unsigned int> dofs;
            // FE_Q(1)'s DoFs are its vertices, lexicographic
            for (unsigned int k = 0; k < 2; ++k)
              for (unsigned int j = 0; j < 2; ++j)
                for (unsigned int i = 0; i < 2; ++i)
                  dofs.push_back(dof_of_node[(a + i) + nodes * ((b + j) + nodes * (c + k))]);
            local_dofs_.push_back(dofs);
          }
  }

  std::array<unsigned int, 3> ElementPieces::position(const unsigned int s) const
  {
    const unsigned int m = per_direction_;
    return {{s % m, (s / m) % m, s / (m * m)}};
  }

  Box ElementPieces::box(const Box &cell, const unsigned int s) const
  {
    if (per_direction_ == 1)
      return cell;
    const unsigned int m     = per_direction_;
    const auto         index = position(s);
    Box                piece;
    for (unsigned int d = 0; d < 3; ++d)
      {
        // neighbouring pieces compute their common face alike, and the
        // outer ones end exactly at the cell's (Box::coordinate)
        piece.low[d]  = cell.coordinate(d, double(index[d]) / m);
        piece.high[d] = cell.coordinate(d, double(index[d] + 1) / m);
      }
    return piece;
  }

  bool ElementPieces::on_cell_face(const unsigned int s, const unsigned int f) const
  {
    const unsigned int index = position(s)[f / 2];
    return f % 2 == 0 ? index == 0 : index + 1 == per_direction_;
  }

  void ElementPieces::gather(const Vector<double> &cell_values, const unsigned int s,
                             Vector<double> &piece_values) const
  {
    const auto &dofs = local_dofs_[s];
    piece_values.reinit(dofs.size(), true);
    for (unsigned int i = 0; i < dofs.size(); ++i)
      piece_values[i] = cell_values[dofs[i]];
  }

  std::unique_ptr<FiniteElement<3>> heat_element(const unsigned int degree,
                                                 const unsigned int subdivisions)
  {
    if (subdivisions == 1)
      return std::make_unique<FE_Q<3>>(degree);
    if (degree != 1)
      throw std::invalid_argument("heat_element: sub-divided elements are trilinear (degree 1)");
    return std::make_unique<FE_Q_iso_Q1<3>>(subdivisions);
  }
} // namespace ebweld

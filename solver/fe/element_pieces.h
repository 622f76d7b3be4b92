#pragma once
// The heat solve's element as pieces of a cell. FE_Q(p) is one piece of
// degree p; FE_Q_iso_Q1(m) is m^3 trilinear pieces between its nodes, so
// Q1 on a mesh refined r more times is FE_Q_iso_Q1(2^r) on this mesh: the
// same space, the same matrix, for 1/8^r of deal.II's triangulation (about
// 440 bytes per cell, half of the 1M-DoF run's memory per DoF when every
// fine cell was a deal.II cell). Whatever integrates or samples the field
// (assembly, melt pool, probes, output) works piece by piece, so the
// numbers do not depend on how the pieces are stored.

#include "solver/base/box.h"

#include <deal.II/fe/fe.h>
#include <deal.II/lac/vector.h>

#include <array>
#include <memory>
#include <vector>

namespace ebweld
{
  class ElementPieces
  {
  public:
    /// Pieces of FE_Q(p) (one) or FE_Q_iso_Q1(m) (m^3); other elements
    /// throw.
    explicit ElementPieces(const dealii::FiniteElement<3> &fe);

    /// The element of one piece, FE_Q(p): its DoF numbering is the one of
    /// local_dofs() and its reference cell is the piece's box.
    const dealii::FiniteElement<3> &piece_element() const { return *piece_element_; }

    /// Pieces per cell direction; pieces are numbered lexicographically,
    /// x fastest.
    unsigned int per_direction() const { return per_direction_; }
    unsigned int size() const { return static_cast<unsigned int>(local_dofs_.size()); }

    /// The cell's local DoF indices of piece s, in piece_element()'s order.
    const std::vector<unsigned int> &local_dofs(unsigned int s) const { return local_dofs_[s]; }

    /// Box of piece s of a cell with box `cell`.
    Box box(const Box &cell, unsigned int s) const;

    /// Whether face f of piece s lies on face f of its cell (deal.II's face
    /// numbering: 2 d for the low and 2 d + 1 for the high side along d).
    bool on_cell_face(unsigned int s, unsigned int f) const;

    /// The values of piece s's DoFs, from the cell's.
    void gather(const dealii::Vector<double> &cell_values, unsigned int s,
                dealii::Vector<double> &piece_values) const;

  private:
    /// Index of piece s along x, y and z.
    std::array<unsigned int, 3> position(unsigned int s) const;

    std::unique_ptr<dealii::FiniteElement<3>> piece_element_;
    unsigned int                              per_direction_ = 1;
    std::vector<std::vector<unsigned int>>    local_dofs_;
  };

  /// The element of a heat solve: FE_Q(degree) when `subdivisions` is 1,
  /// else FE_Q_iso_Q1(subdivisions) (degree 1 only).
  std::unique_ptr<dealii::FiniteElement<3>> heat_element(unsigned int degree,
                                                         unsigned int subdivisions);
} // namespace ebweld

#include "solver/fe/heat_assembler.h"

#include "solver/fe/petsc_check.h"
#include "solver/fe/reference_tabulation.h"

#include <deal.II/base/mpi.h>
#include <deal.II/base/quadrature_lib.h>

#include <boost/container_hash/hash.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <unordered_map>

namespace ebweld
{
  using namespace dealii;

  namespace
  {
    /// Box length along the flow: for axis-aligned boxes, the distance a
    /// streamline travels through it.
    double streamline_length(const Tensor<1, 3> &extents, const Tensor<1, 3> &u)
    {
      const double speed = u.norm();
      double       h     = std::numeric_limits<double>::max();
      for (unsigned int d = 0; d < 3; ++d)
        if (std::abs(u[d]) > 1e-12 * speed)
          h = std::min(h, extents[d] * speed / std::abs(u[d]));
      return h;
    }

    /// coth(Pe) - 1/Pe, with its series near 0 (cancellation).
    double optimal_upwind_factor(const double peclet)
    {
      if (peclet < 1e-3)
        return peclet / 3.;
      if (peclet > 30.)
        return 1. - 1. / peclet;
      return 1. / std::tanh(peclet) - 1. / peclet;
    }

    /// Number of sub-intervals of a length h to resolve a feature.
    unsigned int subdivisions(const double h, const double feature)
    {
      return static_cast<unsigned int>(std::clamp(std::ceil(h / feature), 1., 8.));
    }

    bool intersects(const BoundingBox<3> &support, const Box &box)
    {
      const auto a = support.get_boundary_points();
      for (unsigned int d = 0; d < 3; ++d)
        if (a.second[d] < box.low[d] || box.high[d] < a.first[d])
          return false;
      return true;
    }

    /// Extents of every piece of a cell: the pieces split it evenly. (The
    /// same numbers for all of them keep the operator cache small.)
    Tensor<1, 3> piece_extents(const Box &cell, const ElementPieces &pieces)
    {
      return cell.extents() / double(pieces.per_direction());
    }

    /// The advection of a box: |rho c_p u| and the streamline length h_u
    /// (0 without advection).
    struct Streamline
    {
      double advection_W_per_m2K = 0.;
      double length_m            = 0.;
      /// |rho c_p u| h_u / (2 k)
      double peclet(const double k_W_per_mK) const
      {
        return advection_W_per_m2K * length_m / (2. * k_W_per_mK);
      }
    };

    Streamline streamline(const Tensor<1, 3> &extents, const HeatOperatorCoefficients &c)
    {
      const double a = c.rho_cp_J_per_m3K * c.velocity_m_per_s.norm();
      return {a, a == 0. ? 0. : streamline_length(extents, c.velocity_m_per_s)};
    }
  } // namespace

  double streamline_tau(const Tensor<1, 3> &extents_m, const double k_W_per_mK,
                        const HeatOperatorCoefficients &c)
  {
    if (!c.streamline_stabilisation)
      return 0.;
    const Streamline s = streamline(extents_m, c);
    if (s.advection_W_per_m2K == 0.)
      return 0.;
    return s.length_m / (2. * s.advection_W_per_m2K) * optimal_upwind_factor(s.peclet(k_W_per_mK));
  }

  namespace
  {
    /// What a piece's operator matrix and convective right-hand side
    /// depend on: its extents, its conductivity and which of its faces
    /// lose heat by convection (tau follows from extents and k).
    struct PieceOperatorKey
    {
      std::array<double, 3> extents_m;
      double                conductivity_W_per_mK;
      unsigned int          convective_faces;

      bool operator==(const PieceOperatorKey &other) const
      {
        return extents_m == other.extents_m &&
               conductivity_W_per_mK == other.conductivity_W_per_mK &&
               convective_faces == other.convective_faces;
      }
    };

    struct PieceOperatorKeyHash
    {
      std::size_t operator()(const PieceOperatorKey &key) const
      {
        std::size_t seed = key.convective_faces;
        for (const double value : key.extents_m)
          boost::hash_combine(seed, value);
        boost::hash_combine(seed, key.conductivity_W_per_mK);
        return seed;
      }
    };

    struct PieceOperator
    {
      FullMatrix<double> matrix;
      Vector<double>     rhs;
      /// its number in a MatrixFreeOperator
      unsigned int id = 0;
    };

    /// What receives each piece's matrix: a PETSc matrix or a
    /// MatrixFreeOperator. `new_operator`: op was just integrated (it is
    /// met for the first time, or it is not cached).
    using PieceSink =
        std::function<void(PieceOperator &op, bool new_operator,
                           const std::vector<types::global_dof_index> &dofs, bool any_constrained)>;

    /// Adds each piece's matrix to a PETSc matrix created with room for it.
    PieceSink petsc_sink(PETScWrappers::MPI::SparseMatrix &matrix,
                         const AffineConstraints<double>  &constraints)
    {
      return [&matrix, &constraints, petsc_dofs = std::vector<PetscInt>()](
                 PieceOperator &op, bool, const std::vector<types::global_dof_index> &dofs,
                 const bool any_constrained) mutable {
        if (any_constrained)
          {
            constraints.distribute_local_to_global(op.matrix, dofs, matrix);
            return;
          }
        // Most pieces have no fixed-temperature DoF: hand PETSc the whole
        // piece in one call (deal.II's general path sorts and filters each
        // row; measured 1.55 s of assembly at 952k DoFs on 2 ranks).
        petsc_dofs.assign(dofs.begin(), dofs.end());
        const auto n = static_cast<PetscInt>(dofs.size());
        check_petsc(MatSetValues(matrix.petsc_matrix(), n, petsc_dofs.data(), n, petsc_dofs.data(),
                                 &op.matrix(0, 0), ADD_VALUES),
                    "MatSetValues");
      };
    }

    /// Stores each distinct piece matrix once in a MatrixFreeOperator.
    PieceSink matrix_free_sink(MatrixFreeOperator &target)
    {
      return [&target](PieceOperator &op, const bool new_operator,
                       const std::vector<types::global_dof_index> &, bool) {
        if (new_operator)
          op.id = target.add_piece_matrix(op.matrix);
        target.append_piece(op.id);
      };
    }

    /// Heat transfer coefficient of the cell's face f [W/m^2/K]: 0 unless
    /// it lies on a boundary with convection.
    double convection_coefficient(const HeatOperatorCoefficients &c, const CellIterator &cell,
                                  const unsigned int f)
    {
      if (!cell->at_boundary(f))
        return 0.;
      const auto h = c.convection_W_per_m2K.find(cell->face(f)->boundary_id());
      return h == c.convection_W_per_m2K.end() ? 0. : h->second;
    }

    /// Integrates the operator on one piece of a given element.
    class PieceIntegrator
    {
    public:
      /// `nodal`: Gauss-Lobatto points at the element's nodes instead of
      /// Gauss points (see PieceMatrix).
      PieceIntegrator(const FiniteElement<3> &fe, const HeatOperatorCoefficients &c,
                      const bool nodal)
          : c_(c)
          // Q1 on bricks: div grad = 0
          , second_(fe.degree > 1)
          , volume_(fe,
                    nodal ? Quadrature<3>(QGaussLobatto<3>(fe.degree + 1))
                          : Quadrature<3>(QGauss<3>(fe.degree + 1)),
                    second_)
      {
        const Quadrature<2> face = nodal ? Quadrature<2>(QGaussLobatto<2>(fe.degree + 1))
                                         : Quadrature<2>(QGauss<2>(fe.degree + 1));
        for (const unsigned int f : GeometryInfo<3>::face_indices())
          faces_.push_back(ReferenceTabulation::on_face(fe, face, f));
      }

      /// The piece's matrix and convective right-hand side; h_W_per_m2K[f]
      /// is the heat transfer coefficient of face f (0: none).
      void integrate(const Tensor<1, 3> &extents, const double k,
                     const std::array<double, 6> &h_W_per_m2K, PieceOperator &op)
      {
        const unsigned int n = volume_.n_dofs();
        op.matrix.reinit(n, n);
        op.rhs.reinit(n);
        advection_.resize(n);
        residual_.resize(n);
        gradients_.resize(n);
        const Tensor<1, 3> a      = c_.rho_cp_J_per_m3K * c_.velocity_m_per_s;
        const double       tau    = streamline_tau(extents, k, c_);
        const double       volume = extents[0] * extents[1] * extents[2];
        for (unsigned int q = 0; q < volume_.n_points(); ++q)
          {
            const double JxW = volume_.weight(q) * volume;
            // once per point, not once per (i, j)
            for (unsigned int j = 0; j < n; ++j)
              {
                gradients_[j] = volume_.gradient(j, q, extents);
                advection_[j] = a * gradients_[j];
                residual_[j]  = advection_[j];
                if (second_)
                  residual_[j] -= k * volume_.laplacian(j, q, extents);
              }
            for (unsigned int i = 0; i < n; ++i)
              {
                const double test_supg = tau * advection_[i];
                const double phi_i     = volume_.value(i, q);
                for (unsigned int j = 0; j < n; ++j)
                  op.matrix(i, j) += (k * gradients_[i] * gradients_[j] + phi_i * advection_[j] +
                                      test_supg * residual_[j]) *
                                     JxW;
              }
          }
        for (const unsigned int f : GeometryInfo<3>::face_indices())
          {
            const double h = h_W_per_m2K[f];
            if (h == 0.)
              continue;
            const auto  &face = faces_[f];
            const double area = face_area(extents, f);
            for (unsigned int q = 0; q < face.n_points(); ++q)
              for (unsigned int i = 0; i < n; ++i)
                {
                  const double phi_i_JxW = face.value(i, q) * face.weight(q) * area;
                  for (unsigned int j = 0; j < n; ++j)
                    op.matrix(i, j) += h * phi_i_JxW * face.value(j, q);
                  op.rhs(i) += h * c_.ambient_rise_K * phi_i_JxW;
                }
          }
      }

    private:
      const HeatOperatorCoefficients  &c_;
      const bool                       second_; // div grad phi in the SUPG residual
      const ReferenceTabulation        volume_;
      std::vector<ReferenceTabulation> faces_;
      std::vector<double>       advection_, residual_; // a . grad phi_j, minus k div grad phi_j
      std::vector<Tensor<1, 3>> gradients_;
    };

    /// A graded brick has few distinct pieces (about 10^4 at a million);
    /// a conductivity field may make every piece distinct, so the cache of
    /// an assembled matrix stops growing here and further pieces are
    /// computed directly. (A MatrixFreeOperator keeps every distinct piece.)
    constexpr std::size_t max_cached_piece_operators = 200000;

    /// Integrates the operator on every piece of the locally owned cells
    /// and hands it to `sink`; adds the convective terms to rhs if given.
    /// Returns the largest Peclet number of these pieces.
    double add_piece_operators(const DoFHandler<3>             &dof_handler,
                               const AffineConstraints<double> &constraints,
                               const HeatOperatorCoefficients &c, const ElementPieces &pieces,
                               const bool nodal_quadrature, const std::size_t max_cached,
                               const PieceSink &sink, PETScWrappers::MPI::Vector *rhs)
    {
      PieceIntegrator                      integrator(pieces.piece_element(), c, nodal_quadrature);
      const unsigned int                   n = pieces.piece_element().n_dofs_per_cell();
      std::vector<types::global_dof_index> cell_dofs(dof_handler.get_fe().n_dofs_per_cell()),
          dofs(n);
      std::vector<PetscInt> petsc_dofs(n);
      // The piece matrix of an axis-parallel brick depends only on the key
      // above, so each distinct piece is integrated once.
      std::unordered_map<PieceOperatorKey, PieceOperator, PieceOperatorKeyHash> cache;
      PieceOperator                                                             uncached;
      double max_peclet = 0.; // over the distinct pieces, each integrated once
      for (const auto &cell : dof_handler.active_cell_iterators())
        {
          if (!cell->is_locally_owned())
            continue;
          const Box             box     = cell_box(cell);
          const Tensor<1, 3>    extents = piece_extents(box, pieces);
          std::array<double, 6> cell_h{};
          if (cell->at_boundary())
            for (const unsigned int f : cell->face_indices())
              cell_h[f] = convection_coefficient(c, cell, f);
          cell->get_dof_indices(cell_dofs);
          for (unsigned int s = 0; s < pieces.size(); ++s)
            {
              PieceOperatorKey      key{{{extents[0], extents[1], extents[2]}},
                                   c.conductivity_W_per_mK(pieces.box(box, s)),
                                   0u};
              std::array<double, 6> h{};
              for (unsigned int f = 0; f < 6; ++f)
                if (cell_h[f] != 0. && pieces.on_cell_face(s, f))
                  {
                    h[f] = cell_h[f];
                    key.convective_faces |= 1u << f;
                  }
              PieceOperator *op           = nullptr;
              bool           new_operator = false;
              if (const auto found = cache.find(key); found != cache.end())
                op = &found->second;
              else
                {
                  op = cache.size() < max_cached ? &cache[key] : &uncached;
                  integrator.integrate(extents, key.conductivity_W_per_mK, h, *op);
                  new_operator = true;
                  max_peclet   = std::max(max_peclet,
                                          streamline(extents, c).peclet(key.conductivity_W_per_mK));
                }
              const auto &local = pieces.local_dofs(s);
              for (unsigned int i = 0; i < n; ++i)
                dofs[i] = cell_dofs[local[i]];
              const bool any_constrained =
                  std::any_of(dofs.begin(), dofs.end(), [&](const types::global_dof_index i) {
                    return constraints.is_constrained(i);
                  });
              sink(*op, new_operator, dofs, any_constrained);
              if (!rhs)
                continue;
              if (any_constrained)
                constraints.distribute_local_to_global(op->rhs, dofs, *rhs);
              else
                {
                  petsc_dofs.assign(dofs.begin(), dofs.end());
                  check_petsc(VecSetValues(*rhs, n, petsc_dofs.data(), op->rhs.data(), ADD_VALUES),
                              "VecSetValues");
                }
            }
        }
      return max_peclet;
    }

    /// The convective right-hand side and the preconditioner's matrix, if
    /// any, after the operator went to `sink`; returns the largest piece
    /// Peclet number (all ranks).
    double assemble(const DoFHandler<3> &dof_handler, const AffineConstraints<double> &constraints,
                    const HeatOperatorCoefficients &c, const ElementPieces &pieces,
                    const std::size_t max_cached, const PieceSink &sink,
                    PETScWrappers::MPI::Vector &rhs, const PieceMatrix *preconditioner)
    {
      rhs = 0.;
      const double max_peclet =
          add_piece_operators(dof_handler, constraints, c, pieces, false, max_cached, sink, &rhs);
      rhs.compress(VectorOperation::add);
      if (preconditioner)
        {
          add_piece_operators(dof_handler, constraints, c, preconditioner->pieces,
                              preconditioner->nodal_quadrature, max_cached_piece_operators,
                              petsc_sink(preconditioner->matrix, constraints), nullptr);
          preconditioner->matrix.compress(VectorOperation::add);
        }
      return Utilities::MPI::max(max_peclet, dof_handler.get_communicator());
    }
  } // namespace

  double assemble_heat_operator(const DoFHandler<3>             &dof_handler,
                                const AffineConstraints<double> &constraints,
                                const HeatOperatorCoefficients &c, const PieceMatrix &target,
                                PETScWrappers::MPI::Vector &rhs, const PieceMatrix *preconditioner)
  {
    const double max_peclet =
        assemble(dof_handler, constraints, c, target.pieces, max_cached_piece_operators,
                 petsc_sink(target.matrix, constraints), rhs, preconditioner);
    target.matrix.compress(VectorOperation::add);
    return max_peclet;
  }

  double assemble_heat_operator(const DoFHandler<3>             &dof_handler,
                                const AffineConstraints<double> &constraints,
                                const HeatOperatorCoefficients &c, const ElementPieces &pieces,
                                MatrixFreeOperator &target, PETScWrappers::MPI::Vector &rhs,
                                const PieceMatrix *preconditioner)
  {
    const double max_peclet =
        assemble(dof_handler, constraints, c, pieces, std::numeric_limits<std::size_t>::max(),
                 matrix_free_sink(target), rhs, preconditioner);
    target.finish();
    return max_peclet;
  }

  double assemble_source_terms(const DoFHandler<3> &dof_handler, const ElementPieces &pieces,
                               const AffineConstraints<double>       &constraints,
                               const HeatOperatorCoefficients        &c,
                               const std::vector<const HeatSource *> &sources,
                               const types::boundary_id               heated_surface,
                               PETScWrappers::MPI::Vector            &rhs)
  {
    const auto                          &fe = pieces.piece_element();
    const unsigned int                   n  = fe.n_dofs_per_cell();
    const QGauss<1>                      base(fe.degree + 1);
    const Tensor<1, 3>                   a = c.rho_cp_J_per_m3K * c.velocity_m_per_s;
    Vector<double>                       piece_rhs(n);
    std::vector<types::global_dof_index> cell_dofs(dof_handler.get_fe().n_dofs_per_cell()), dofs(n);
    std::vector<Point<3>>                points;
    std::vector<double>                  density;
    double                               deposited_W = 0.;

    // One tabulation per quadrature subdivision pattern (and face), built
    // on first use.
    std::map<std::array<unsigned int, 3>, std::unique_ptr<ReferenceTabulation>> volume_tables;
    std::map<std::pair<unsigned int, unsigned int>, std::unique_ptr<ReferenceTabulation>>
        face_tables;

    for (const HeatSource *source : sources)
      {
        const BoundingBox<3> support = source->support_box_m();
        const Tensor<1, 3>   feature = source->feature_length_m();
        for (const auto &cell : dof_handler.active_cell_iterators())
          {
            if (!cell->is_locally_owned())
              continue;
            const Box box = cell_box(cell);
            if (!intersects(support, box))
              continue;
            const Tensor<1, 3>                extents = piece_extents(box, pieces);
            const std::array<unsigned int, 3> m       = {{subdivisions(extents[0], feature[0]),
                                                          subdivisions(extents[1], feature[1]),
                                                          subdivisions(extents[2], feature[2])}};
            cell->get_dof_indices(cell_dofs);
            for (unsigned int s = 0; s < pieces.size(); ++s)
              {
                const Box piece = pieces.box(box, s);
                if (!intersects(support, piece))
                  continue;
                piece_rhs = 0.;
                if (!source->has_surface_flux())
                  {
                    auto &table = volume_tables[m];
                    if (!table)
                      table = std::make_unique<ReferenceTabulation>(
                          fe, QAnisotropic<3>(QIterated<1>(base, m[0]), QIterated<1>(base, m[1]),
                                              QIterated<1>(base, m[2])));
                    points.resize(table->n_points());
                    for (unsigned int q = 0; q < points.size(); ++q)
                      points[q] = piece.map(table->point(q));
                    density.assign(points.size(), 0.);
                    source->add_volumetric_density(points, density);
                    const double tau = streamline_tau(extents, c.conductivity_W_per_mK(piece), c);
                    const double volume = extents[0] * extents[1] * extents[2];
                    for (unsigned int q = 0; q < points.size(); ++q)
                      {
                        const double q_JxW = density[q] * table->weight(q) * volume;
                        deposited_W += q_JxW;
                        for (unsigned int i = 0; i < n; ++i)
                          piece_rhs(i) +=
                              (table->value(i, q) + tau * (a * table->gradient(i, q, extents))) *
                              q_JxW;
                      }
                  }
                else
                  for (const unsigned int f : cell->face_indices())
                    {
                      if (!cell->at_boundary(f) || cell->face(f)->boundary_id() != heated_surface ||
                          !pieces.on_cell_face(s, f))
                        continue;
                      const unsigned int d     = f / 2;
                      const unsigned int mf    = std::max(m[(d + 1) % 3], m[(d + 2) % 3]);
                      auto              &table = face_tables[{f, mf}];
                      if (!table)
                        table = std::make_unique<ReferenceTabulation>(
                            ReferenceTabulation::on_face(fe, QIterated<2>(base, mf), f));
                      points.resize(table->n_points());
                      for (unsigned int q = 0; q < points.size(); ++q)
                        points[q] = piece.map(table->point(q));
                      density.assign(points.size(), 0.);
                      source->add_surface_flux(points, density);
                      const double area = face_area(extents, f);
                      for (unsigned int q = 0; q < points.size(); ++q)
                        {
                          const double g_JxW = density[q] * table->weight(q) * area;
                          deposited_W += g_JxW;
                          for (unsigned int i = 0; i < n; ++i)
                            piece_rhs(i) += table->value(i, q) * g_JxW;
                        }
                    }
                const auto &local = pieces.local_dofs(s);
                for (unsigned int i = 0; i < n; ++i)
                  dofs[i] = cell_dofs[local[i]];
                constraints.distribute_local_to_global(piece_rhs, dofs, rhs);
              }
          }
      }
    rhs.compress(VectorOperation::add);
    return Utilities::MPI::sum(deposited_W, dof_handler.get_communicator());
  }
} // namespace ebweld

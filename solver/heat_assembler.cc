#include "solver/heat_assembler.h"

#include "solver/brick_mapping.h"
#include "solver/petsc_check.h"

#include <deal.II/base/mpi.h>
#include <deal.II/base/quadrature_lib.h>
#include <deal.II/fe/fe_q_iso_q1.h>
#include <deal.II/fe/fe_values.h>

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
    /// Cell length along the flow: for the axis-aligned bricks used here,
    /// the distance a streamline travels through the cell.
    double streamline_length(const CellIterator &cell, const Tensor<1, 3> &u)
    {
      const double speed = u.norm();
      double       h     = std::numeric_limits<double>::max();
      const auto   size  = brick_extents_m(cell);
      for (unsigned int d = 0; d < 3; ++d)
        if (std::abs(u[d]) > 1e-12 * speed)
          h = std::min(h, size[d] * speed / std::abs(u[d]));
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

    /// Number of sub-intervals of a cell of size h to resolve a feature.
    unsigned int subdivisions(const double h, const double feature)
    {
      return static_cast<unsigned int>(std::clamp(std::ceil(h / feature), 1., 8.));
    }

    bool intersects(const BoundingBox<3> &box, const CellIterator &cell)
    {
      BoundingBox<3> cell_box(cell->bounding_box());
      const auto     a = box.get_boundary_points(), b = cell_box.get_boundary_points();
      for (unsigned int d = 0; d < 3; ++d)
        if (a.second[d] < b.first[d] || b.second[d] < a.first[d])
          return false;
      return true;
    }
  } // namespace

  double streamline_tau(const CellIterator &cell, const HeatOperatorCoefficients &c,
                        const unsigned int subdivisions)
  {
    if (!c.streamline_stabilisation)
      return 0.;
    const double a = c.rho_cp_J_per_m3K * c.velocity_m_per_s.norm();
    if (a == 0.)
      return 0.;
    const double h      = streamline_length(cell, c.velocity_m_per_s) / subdivisions;
    const double peclet = a * h / (2. * c.conductivity_W_per_mK(cell));
    return h / (2. * a) * optimal_upwind_factor(peclet);
  }

  double max_cell_peclet(const DoFHandler<3> &dof_handler, const HeatOperatorCoefficients &c)
  {
    double peclet = 0.;
    const double a = c.rho_cp_J_per_m3K * c.velocity_m_per_s.norm();
    if (a > 0.)
      for (const auto &cell : dof_handler.active_cell_iterators())
        if (cell->is_locally_owned())
          peclet = std::max(peclet, a * streamline_length(cell, c.velocity_m_per_s) /
                                      (2. * c.conductivity_W_per_mK(cell)));
    return Utilities::MPI::max(peclet, dof_handler.get_communicator());
  }

  namespace
  {
    /// What a brick cell's operator matrix and convective right-hand side
    /// depend on: its extents, its conductivity and which of its faces
    /// lose heat by convection (tau follows from extents and k).
    struct CellOperatorKey
    {
      std::array<double, 3> extents_m;
      double                conductivity_W_per_mK;
      unsigned int          convective_faces;

      bool operator==(const CellOperatorKey &other) const
      {
        return extents_m == other.extents_m && conductivity_W_per_mK == other.conductivity_W_per_mK &&
               convective_faces == other.convective_faces;
      }
    };

    struct CellOperatorKeyHash
    {
      std::size_t operator()(const CellOperatorKey &key) const
      {
        std::size_t seed = key.convective_faces;
        for (const double value : key.extents_m)
          boost::hash_combine(seed, value);
        boost::hash_combine(seed, key.conductivity_W_per_mK);
        return seed;
      }
    };

    /// Heat transfer coefficient of face f [W/m^2/K]: 0 unless it lies on
    /// a boundary with convection.
    double convection_coefficient(const HeatOperatorCoefficients &c, const CellIterator &cell,
                                  const unsigned int f)
    {
      if (!cell->at_boundary(f))
        return 0.;
      const auto h = c.convection_W_per_m2K.find(cell->face(f)->boundary_id());
      return h == c.convection_W_per_m2K.end() ? 0. : h->second;
    }

    struct CellOperator
    {
      FullMatrix<double> matrix;
      Vector<double>     rhs;
      /// the cell's matrix in the low-order-refined discretisation (empty
      /// when none is assembled)
      FullMatrix<double> low_order_matrix;
    };

    /// What integrating one cell's operator needs for one element.
    struct CellIntegrator
    {
      CellIntegrator(const FiniteElement<3> &fe, const Quadrature<1> &quadrature_1d,
                     const bool second_derivatives, const unsigned int subcells_per_direction)
        : second(second_derivatives)
        , subdivisions(subcells_per_direction)
        , values(brick_mapping(), fe, Quadrature<3>(quadrature_1d),
                 update_values | update_gradients | update_JxW_values |
                   (second ? update_hessians : update_default))
        , face_values(brick_mapping(), fe, Quadrature<2>(quadrature_1d),
                      update_values | update_JxW_values)
      {}

      /// with div grad phi in the SUPG residual (not for multilinear pieces)
      const bool         second;
      /// SUPG's tau belongs to cells of 1/subdivisions the size
      const unsigned int subdivisions;
      FEValues<3>        values;
      FEFaceValues<3>    face_values;
    };

    /// A graded brick has few distinct cells (about 10^4 at a million
    /// cells); a conductivity field may make every cell distinct, so the
    /// cache stops growing here and further cells are computed directly.
    constexpr std::size_t max_cached_cell_operators = 200000;
  } // namespace

  void assemble_heat_operator(const DoFHandler<3>                &dof_handler,
                              const AffineConstraints<double>    &constraints,
                              const HeatOperatorCoefficients     &c,
                              PETScWrappers::MPI::SparseMatrix   &matrix,
                              PETScWrappers::MPI::Vector         &rhs,
                              PETScWrappers::MPI::SparseMatrix   *low_order_matrix)
  {
    const auto        &fe = dof_handler.get_fe();
    const unsigned int n  = fe.n_dofs_per_cell();
    std::vector<types::global_dof_index> dofs(n);
    std::vector<double>                  advection(n); // a . grad phi_j
    std::vector<double>                  residual(n);  // a . grad phi_j - k div grad phi_j
    const Tensor<1, 3> a = c.rho_cp_J_per_m3K * c.velocity_m_per_s;

    // Q1 on bricks: div grad = 0
    CellIntegrator element(fe, QGauss<1>(fe.degree + 1), fe.degree > 1, 1);
    std::unique_ptr<FE_Q_iso_Q1<3>> low_order_fe;
    std::unique_ptr<CellIntegrator> low_order;
    if (low_order_matrix != nullptr)
      {
        // deal.II numbers FE_Q_iso_Q1(p)'s DoFs as FE_Q(p)'s, at the same
        // (equidistant for p = 2) support points: it is a second
        // discretisation on the same DoFs
        low_order_fe = std::make_unique<FE_Q_iso_Q1<3>>(fe.degree);
        AssertThrow(low_order_fe->get_unit_support_points() == fe.get_unit_support_points(),
                    ExcMessage("the low-order-refined element's support points differ from the "
                               "element's: no low-order preconditioner for this element"));
        low_order = std::make_unique<CellIntegrator>(
          *low_order_fe, QIterated<1>(QGauss<1>(2), fe.degree), false, fe.degree);
        // its cell matrix is exactly zero between DoFs of different
        // sub-cells: keep those zeros out of the AMG's operator
        check_petsc(MatSetOption(*low_order_matrix, MAT_IGNORE_ZERO_ENTRIES, PETSC_TRUE),
                    "MatSetOption");
      }

    // The element matrix of an axis-parallel brick depends only on the
    // key above, so each distinct cell is integrated once. FEValues sees a
    // plain triangulation cell: the element of `integrator` need not be
    // the DoF handler's.
    const auto integrate = [&](CellIntegrator &integrator, const CellIterator &cell,
                               const double k, FullMatrix<double> &cell_matrix, Vector<double> *cell_rhs) {
      cell_matrix.reinit(n, n);
      if (cell_rhs)
        cell_rhs->reinit(n);
      auto &fe_values = integrator.values;
      fe_values.reinit(Triangulation<3>::cell_iterator(cell));
      const double tau = streamline_tau(cell, c, integrator.subdivisions);
      for (const unsigned int q : fe_values.quadrature_point_indices())
        {
          const double JxW = fe_values.JxW(q);
          // once per point, not once per (i, j)
          for (unsigned int j = 0; j < n; ++j)
            {
              advection[j] = a * fe_values.shape_grad(j, q);
              residual[j]  = advection[j];
              if (integrator.second)
                residual[j] -= k * trace(fe_values.shape_hessian(j, q));
            }
          for (unsigned int i = 0; i < n; ++i)
            {
              const double test_supg = tau * advection[i];
              for (unsigned int j = 0; j < n; ++j)
                cell_matrix(i, j) +=
                  (k * fe_values.shape_grad(i, q) * fe_values.shape_grad(j, q) +
                   fe_values.shape_value(i, q) * advection[j] + test_supg * residual[j]) *
                  JxW;
            }
        }
      for (const unsigned int f : cell->face_indices())
        {
          const double h = convection_coefficient(c, cell, f);
          if (h == 0.)
            continue;
          auto &fe_face_values = integrator.face_values;
          fe_face_values.reinit(Triangulation<3>::cell_iterator(cell), f);
          for (const unsigned int q : fe_face_values.quadrature_point_indices())
            for (unsigned int i = 0; i < n; ++i)
              {
                const double phi_i_JxW = fe_face_values.shape_value(i, q) * fe_face_values.JxW(q);
                for (unsigned int j = 0; j < n; ++j)
                  cell_matrix(i, j) += h * phi_i_JxW * fe_face_values.shape_value(j, q);
                if (cell_rhs)
                  (*cell_rhs)(i) += h * c.ambient_rise_K * phi_i_JxW;
              }
        }
    };
    const auto compute = [&](const CellIterator &cell, const double k, CellOperator &op) {
      integrate(element, cell, k, op.matrix, &op.rhs);
      if (low_order)
        integrate(*low_order, cell, k, op.low_order_matrix, nullptr);
    };

    std::unordered_map<CellOperatorKey, CellOperator, CellOperatorKeyHash> cache;
    CellOperator                                                            uncached;
    const Mat                                                               petsc_matrix = matrix;
    const Vec                                                               petsc_rhs    = rhs;
    std::vector<PetscInt>                                                   petsc_dofs(n);
    rhs = 0.;
    for (const auto &cell : dof_handler.active_cell_iterators())
      {
        if (!cell->is_locally_owned())
          continue;
        const auto      size = brick_extents_m(cell);
        CellOperatorKey key{{{size[0], size[1], size[2]}},
                            c.conductivity_W_per_mK(cell),
                            0u};
        for (const unsigned int f : cell->face_indices())
          if (convection_coefficient(c, cell, f) != 0.)
            key.convective_faces |= 1u << f;
        const CellOperator *op = nullptr;
        if (const auto found = cache.find(key); found != cache.end())
          op = &found->second;
        else
          {
            CellOperator &slot = cache.size() < max_cached_cell_operators ? cache[key] : uncached;
            compute(cell, key.conductivity_W_per_mK, slot);
            op = &slot;
          }
        cell->get_dof_indices(dofs);
        // Most cells have no fixed-temperature DoF: hand PETSc the whole
        // element in one call (deal.II's general path sorts and filters
        // each row; measured 1.55 s of assembly at 952k DoFs on 2 ranks).
        if (std::none_of(dofs.begin(), dofs.end(),
                         [&](const types::global_dof_index i) { return constraints.is_constrained(i); }))
          {
            petsc_dofs.assign(dofs.begin(), dofs.end());
            check_petsc(MatSetValues(petsc_matrix, n, petsc_dofs.data(), n, petsc_dofs.data(),
                                     &op->matrix(0, 0), ADD_VALUES),
                        "MatSetValues");
            check_petsc(VecSetValues(petsc_rhs, n, petsc_dofs.data(), op->rhs.data(), ADD_VALUES),
                        "VecSetValues");
            if (low_order_matrix)
              check_petsc(MatSetValues(*low_order_matrix, n, petsc_dofs.data(), n, petsc_dofs.data(),
                                       &op->low_order_matrix(0, 0), ADD_VALUES),
                          "MatSetValues");
          }
        else
          {
            constraints.distribute_local_to_global(op->matrix, op->rhs, dofs, matrix, rhs);
            if (low_order_matrix)
              constraints.distribute_local_to_global(op->low_order_matrix, dofs, *low_order_matrix);
          }
      }
    matrix.compress(VectorOperation::add);
    rhs.compress(VectorOperation::add);
    if (low_order_matrix)
      low_order_matrix->compress(VectorOperation::add);
  }

  double assemble_source_terms(const DoFHandler<3>               &dof_handler,
                               const AffineConstraints<double>   &constraints,
                               const HeatOperatorCoefficients    &c,
                               const std::vector<const HeatSource *> &sources,
                               const types::boundary_id           heated_surface,
                               PETScWrappers::MPI::Vector        &rhs)
  {
    const auto        &fe = dof_handler.get_fe();
    const unsigned int n  = fe.n_dofs_per_cell();
    const QGauss<1>    base(fe.degree + 1);
    const Tensor<1, 3> a = c.rho_cp_J_per_m3K * c.velocity_m_per_s;
    Vector<double>     cell_rhs(n);
    std::vector<types::global_dof_index> dofs(n);
    std::vector<Point<3>>                points;
    std::vector<double>                  density;
    double                               deposited_W = 0.;

    // One FEValues per quadrature subdivision pattern, built on first use.
    std::map<std::array<unsigned int, 3>, std::unique_ptr<FEValues<3>>>     volume_values;
    std::map<unsigned int, std::unique_ptr<FEFaceValues<3>>>                face_values;

    for (const HeatSource *source : sources)
      {
        const BoundingBox<3> support = source->support_box_m();
        const Tensor<1, 3>   feature = source->feature_length_m();
        for (const auto &cell : dof_handler.active_cell_iterators())
          {
            if (!cell->is_locally_owned() || !intersects(support, cell))
              continue;
            cell_rhs = 0.;
            const auto                        size = brick_extents_m(cell);
            const std::array<unsigned int, 3> m    = {{subdivisions(size[0], feature[0]),
                                                       subdivisions(size[1], feature[1]),
                                                       subdivisions(size[2], feature[2])}};
            if (!source->has_surface_flux())
              {
                auto &fv = volume_values[m];
                if (!fv)
                  fv = std::make_unique<FEValues<3>>(
                    brick_mapping(), fe,
                    QAnisotropic<3>(QIterated<1>(base, m[0]),
                                    QIterated<1>(base, m[1]),
                                    QIterated<1>(base, m[2])),
                    update_values | update_gradients | update_quadrature_points |
                      update_JxW_values);
                fv->reinit(cell);
                points = fv->get_quadrature_points();
                density.assign(points.size(), 0.);
                source->add_volumetric_density(points, density);
                const double tau = streamline_tau(cell, c);
                for (const unsigned int q : fv->quadrature_point_indices())
                  {
                    const double q_JxW = density[q] * fv->JxW(q);
                    deposited_W += q_JxW;
                    for (unsigned int i = 0; i < n; ++i)
                      cell_rhs(i) += (fv->shape_value(i, q) + tau * (a * fv->shape_grad(i, q))) * q_JxW;
                  }
              }
            else
              for (const auto &face : cell->face_iterators())
                {
                  if (!face->at_boundary() || face->boundary_id() != heated_surface)
                    continue;
                  const unsigned int mf = std::max(m[0], m[1]);
                  auto              &fv = face_values[mf];
                  if (!fv)
                    fv = std::make_unique<FEFaceValues<3>>(
                      brick_mapping(), fe, QIterated<2>(base, mf),
                      update_values | update_quadrature_points | update_JxW_values);
                  fv->reinit(cell, face);
                  points = fv->get_quadrature_points();
                  density.assign(points.size(), 0.);
                  source->add_surface_flux(points, density);
                  for (const unsigned int q : fv->quadrature_point_indices())
                    {
                      const double g_JxW = density[q] * fv->JxW(q);
                      deposited_W += g_JxW;
                      for (unsigned int i = 0; i < n; ++i)
                        cell_rhs(i) += fv->shape_value(i, q) * g_JxW;
                    }
                }
            cell->get_dof_indices(dofs);
            constraints.distribute_local_to_global(cell_rhs, dofs, rhs);
          }
      }
    rhs.compress(VectorOperation::add);
    return Utilities::MPI::sum(deposited_W, dof_handler.get_communicator());
  }
} // namespace ebweld

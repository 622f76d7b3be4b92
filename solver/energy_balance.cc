#include "solver/energy_balance.h"

#include "solver/brick_mapping.h"

#include <deal.II/base/mpi.h>
#include <deal.II/base/quadrature_lib.h>
#include <deal.II/fe/fe_values.h>

#include <cmath>

namespace ebweld
{
  using namespace dealii;

  double EnergyBalance::relative_error() const
  {
    return std::abs(absorbed_W - leaving_W()) / absorbed_W;
  }

  EnergyBalance compute_energy_balance(const DoFHandler<3>              &dof_handler,
                                       const RiseVector &rise,
                                       const HeatOperatorCoefficients   &c,
                                       const std::set<types::boundary_id> &fixed_faces,
                                       const double                      absorbed_W,
                                       const double                      deposited_W)
  {
    const auto     &fe = dof_handler.get_fe();
    FEFaceValues<3> face_values(brick_mapping(), fe, QGauss<2>(fe.degree + 1),
                                update_values | update_gradients | update_normal_vectors |
                                  update_JxW_values);
    std::vector<double>         theta;
    std::vector<Tensor<1, 3>>   grad_theta;
    double advected = 0., conducted = 0., convected = 0.;

    for (const auto &cell : dof_handler.active_cell_iterators())
      {
        if (!cell->is_locally_owned() || !cell->at_boundary())
          continue;
        for (const auto &face : cell->face_iterators())
          {
            if (!face->at_boundary())
              continue;
            const auto id = face->boundary_id();
            const auto h  = c.convection_W_per_m2K.find(id);
            face_values.reinit(cell, face);
            const unsigned int nq = face_values.n_quadrature_points;
            theta.resize(nq);
            grad_theta.resize(nq);
            face_values.get_function_values(rise, theta);
            face_values.get_function_gradients(rise, grad_theta);
            const double k = c.conductivity_W_per_mK(cell);
            for (unsigned int q = 0; q < nq; ++q)
              {
                const Tensor<1, 3> &n   = face_values.normal_vector(q);
                const double        JxW = face_values.JxW(q);
                // energy carried across the face by the material stream
                advected += c.rho_cp_J_per_m3K * theta[q] * (c.velocity_m_per_s * n) * JxW;
                if (fixed_faces.count(id) != 0)
                  conducted += -k * (grad_theta[q] * n) * JxW;
                if (h != c.convection_W_per_m2K.end())
                  convected += h->second * (theta[q] - c.ambient_rise_K) * JxW;
              }
          }
      }
    const MPI_Comm comm = dof_handler.get_communicator();
    EnergyBalance  balance;
    balance.absorbed_W      = absorbed_W;
    balance.deposited_W     = deposited_W;
    balance.advected_out_W  = 2. * Utilities::MPI::sum(advected, comm);
    balance.conducted_out_W = 2. * Utilities::MPI::sum(conducted, comm);
    balance.convected_out_W = 2. * Utilities::MPI::sum(convected, comm);
    return balance;
  }
} // namespace ebweld

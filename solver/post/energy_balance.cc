#include "solver/post/energy_balance.h"

#include "solver/fe/reference_tabulation.h"

#include <deal.II/base/mpi.h>
#include <deal.II/base/quadrature_lib.h>

#include <cmath>

namespace ebweld
{
  using namespace dealii;

  double EnergyBalance::relative_error() const
  {
    return std::abs(absorbed_W - leaving_W()) / absorbed_W;
  }

  EnergyBalance compute_energy_balance(const HeatProblem                  &problem,
                                       const std::set<types::boundary_id> &fixed_faces,
                                       const double absorbed_W, const double deposited_W)
  {
    const auto                      &c      = problem.coefficients();
    const ElementPieces             &pieces = problem.pieces();
    const auto                      &fe     = pieces.piece_element();
    std::vector<ReferenceTabulation> faces;
    for (const unsigned int f : GeometryInfo<3>::face_indices())
      faces.push_back(ReferenceTabulation::on_face(fe, QGauss<2>(fe.degree + 1), f));
    // the fields the stream and the faces carry: theta with the
    // coefficients' rho c_p and k, or (nonlinear) theta_h and u with the
    // reference ones (kirchhoff_map.h)
    const NonlinearState *nonlinear       = problem.nonlinear();
    const RiseVector     &advected_field  = nonlinear ? nonlinear->enthalpy_rise : problem.rise();
    const RiseVector     &conducted_field = nonlinear ? nonlinear->kirchhoff_rise : problem.rise();
    Vector<double>        cell_values(problem.dof_handler().get_fe().n_dofs_per_cell()), values,
        cell_conducted(cell_values.size()), conducted_values;
    double advected = 0., conducted = 0., convected = 0.;

    for (const auto &cell : problem.dof_handler().active_cell_iterators())
      {
        if (!cell->is_locally_owned() || !cell->at_boundary())
          continue;
        cell->get_dof_values(advected_field, cell_values);
        cell->get_dof_values(conducted_field, cell_conducted);
        const Box box = cell_box(cell);
        for (const unsigned int f : cell->face_indices())
          {
            if (!cell->at_boundary(f))
              continue;
            const auto  id    = cell->face(f)->boundary_id();
            const auto  h     = c.convection_W_per_m2K.find(id);
            const bool  fixed = fixed_faces.count(id) != 0;
            const auto &face  = faces[f];
            // the outward normal of face f: -e_d on the low, +e_d on the high side
            Tensor<1, 3> normal;
            normal[f / 2] = f % 2 == 0 ? -1. : 1.;
            for (unsigned int s = 0; s < pieces.size(); ++s)
              {
                if (!pieces.on_cell_face(s, f))
                  continue;
                const Box          piece   = pieces.box(box, s);
                const Tensor<1, 3> extents = piece.extents();
                const double       area    = face_area(extents, f);
                const double       k       = c.conductivity_W_per_mK(piece);
                pieces.gather(cell_values, s, values);
                pieces.gather(cell_conducted, s, conducted_values);
                for (unsigned int q = 0; q < face.n_points(); ++q)
                  {
                    double       theta = 0.;
                    Tensor<1, 3> grad_theta;
                    for (unsigned int i = 0; i < values.size(); ++i)
                      {
                        theta += values[i] * face.value(i, q);
                        grad_theta += conducted_values[i] * face.gradient(i, q, extents);
                      }
                    const double JxW = face.weight(q) * area;
                    // energy carried across the face by the material stream
                    advected += c.rho_cp_J_per_m3K * theta * (c.velocity_m_per_s * normal) * JxW;
                    if (fixed)
                      conducted += -k * (grad_theta * normal) * JxW;
                    if (h != c.convection_W_per_m2K.end())
                      convected += h->second * (theta - c.ambient_rise_K) * JxW;
                  }
              }
          }
      }
    const MPI_Comm comm = problem.communicator();
    EnergyBalance  balance;
    balance.absorbed_W      = absorbed_W;
    balance.deposited_W     = deposited_W;
    balance.advected_out_W  = 2. * Utilities::MPI::sum(advected, comm);
    balance.conducted_out_W = 2. * Utilities::MPI::sum(conducted, comm);
    balance.convected_out_W = 2. * Utilities::MPI::sum(convected, comm);
    if (nonlinear)
      {
        balance.convected_out_W  = nonlinear->losses.convected_W;
        balance.radiated_out_W   = nonlinear->losses.radiated_W;
        balance.evaporated_out_W = nonlinear->losses.evaporated_W;
      }
    return balance;
  }
} // namespace ebweld

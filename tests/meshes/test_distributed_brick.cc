// The distributed brick (meshes/distributed_brick), at 1, 2 and 3 ranks:
//  1. The rank blocks partition the coarse cell grid: every cell has
//     exactly one owner, whose block holds it, for 1 to 8 ranks.
//  2. The mesh each rank builds adds up to the brick: the global cell count
//     is the coarse count times 8^r, the owned cells' volumes sum to the
//     brick's volume and each colorized boundary face set has its face's
//     area, all to round-off.
//  3. Where a rank's ghost layer ends, the faces carry ghost_layer_edge_id,
//     never a brick face's id.

#include "meshes/distributed_brick.h"

#include <deal.II/base/mpi.h>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>

using namespace ebweld;
using namespace dealii;

namespace
{
  // graded nodes, as the half-brick generator makes them, and the corners
  const BrickNodes graded_nodes = {{{-3., -1., 0., 0.5, 2.}, {0., 0.25, 1.}, {0., 0.1, 0.3, 0.7}}};
  const double     brick_low[3] = {-3., 0., 0.}, brick_high[3] = {2., 1., 0.7};
} // namespace

BOOST_AUTO_TEST_CASE(blocks_partition_the_cells)
{
  const BrickPartition::Index n = {{7, 5, 3}};
  for (unsigned int ranks = 1; ranks <= 8; ++ranks)
    {
      const BrickPartition partition(n, ranks);
      std::size_t          in_blocks = 0;
      for (unsigned int r = 0; r < ranks; ++r)
        {
          const auto &b = partition.block(r);
          if (!b.empty())
            in_blocks += std::size_t(b.end[0] - b.begin[0]) * (b.end[1] - b.begin[1]) *
                         (b.end[2] - b.begin[2]);
        }
      BOOST_TEST(in_blocks == std::size_t(7 * 5 * 3));
      for (unsigned int k = 0; k < n[2]; ++k)
        for (unsigned int j = 0; j < n[1]; ++j)
          for (unsigned int i = 0; i < n[0]; ++i)
            {
              const unsigned int owner = partition.owner({{i, j, k}});
              BOOST_TEST(partition.block(owner).contains({{i, j, k}}),
                         "cell " << i << "," << j << "," << k << " outside its owner's block, "
                                 << ranks << " ranks");
            }
    }
}

BOOST_AUTO_TEST_CASE(mesh_adds_up_to_the_brick)
{
  const double     volume       = 5. * 1. * 0.7;
  const double     face_area[6] = {0.7, 0.7, 3.5, 3.5, 5., 5.}; // x-, x+, y-, y+, z-, z+
  DistributedBrick triangulation(MPI_COMM_WORLD);
  triangulation.create(graded_nodes, 2);

  BOOST_TEST(triangulation.n_global_active_cells() == 4u * 2u * 3u * 64u);
  double              owned_volume = 0.;
  std::vector<double> area(6, 0.);
  for (const auto &cell : triangulation.active_cell_iterators())
    if (cell->is_locally_owned())
      {
        owned_volume += cell->measure();
        for (const unsigned int f : cell->face_indices())
          if (cell->at_boundary(f))
            area[cell->face(f)->boundary_id()] += cell->face(f)->measure();
      }
  BOOST_TEST(Utilities::MPI::sum(owned_volume, MPI_COMM_WORLD) == volume,
             boost::test_tools::tolerance(1e-12));
  for (unsigned int id = 0; id < 6; ++id)
    BOOST_TEST(Utilities::MPI::sum(area[id], MPI_COMM_WORLD) == face_area[id],
               boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(ghost_layer_edges_are_not_brick_faces)
{
  // Where a rank's cells end inside the brick, deal.II sees boundary faces.
  // On the cells a rank uses (owned and ghost) they must not carry a brick
  // face's id, or boundary conditions on that id would constrain interior
  // DoFs (which once silently dropped matrix entries of interface rows).
  // Ghost cells reach that edge when the coarse cells are not refined.
  for (const unsigned int refinements : {0u, 2u})
    {
      DistributedBrick triangulation(MPI_COMM_WORLD);
      triangulation.create(graded_nodes, refinements);
      unsigned int misplaced = 0, edges = 0, interior_with_id = 0;
      for (const auto &cell : triangulation.active_cell_iterators())
        {
          if (cell->is_artificial())
            continue;
          for (const unsigned int f : cell->face_indices())
            if (!cell->at_boundary(f))
              interior_with_id += cell->face(f)->at_boundary(); // an id despite a neighbour
            else if (cell->face(f)->boundary_id() == ghost_layer_edge_id)
              ++edges;
            else
              {
                // a brick face's id: the face must lie on that face of the brick
                const auto         id    = cell->face(f)->boundary_id();
                const unsigned int axis  = id / 2;
                const double       plane = id % 2 == 0 ? brick_low[axis] : brick_high[axis];
                if (id >= 6 || std::abs(cell->face(f)->center()[axis] - plane) > 1e-12)
                  ++misplaced;
              }
        }
      BOOST_TEST(misplaced == 0u, refinements << " refinements");
      BOOST_TEST(interior_with_id == 0u, refinements << " refinements");
      const unsigned int all_edges = Utilities::MPI::sum(edges, MPI_COMM_WORLD);
      if (Utilities::MPI::n_mpi_processes(MPI_COMM_WORLD) == 1)
        BOOST_TEST(all_edges == 0u); // one rank holds the whole brick
      else if (refinements == 0)
        BOOST_TEST(all_edges > 0u);
    }
}

BOOST_AUTO_TEST_CASE(ranks_hold_their_block_and_one_ghost_layer)
{
  // Each rank must hold exactly its block of fine cells, owned, and the
  // fine cells at most one cell away from it, owned by the rank whose
  // block holds them; every other cell is artificial. Owners come from the
  // cell's position here, from its CellId in DistributedBrick.
  const unsigned int ranks = Utilities::MPI::n_mpi_processes(MPI_COMM_WORLD);
  const unsigned int rank  = Utilities::MPI::this_mpi_process(MPI_COMM_WORLD);
  for (const unsigned int refinements : {0u, 1u, 2u})
    {
      DistributedBrick triangulation(MPI_COMM_WORLD);
      triangulation.create(graded_nodes, refinements);
      BrickPartition::Index n_coarse;
      for (unsigned int d = 0; d < 3; ++d)
        n_coarse[d] = graded_nodes[d].size() - 1;
      const BrickPartition partition(n_coarse, ranks);

      // the fine index box this rank should hold: its block, one cell wider
      const auto &block         = partition.block(rank);
      std::size_t expected_held = 1, expected_owned = 1;
      for (unsigned int d = 0; d < 3; ++d)
        {
          const unsigned int begin = block.begin[d] << refinements,
                             end   = block.end[d] << refinements;
          expected_owned *= end - begin;
          expected_held *=
              std::min(end + 1, n_coarse[d] << refinements) - (begin > 0 ? begin - 1 : 0);
        }

      std::size_t held = 0, owned = 0, wrong_owner = 0;
      for (const auto &cell : triangulation.active_cell_iterators())
        {
          if (cell->is_artificial())
            continue;
          ++held;
          owned += cell->is_locally_owned();
          // the coarse cell that contains the centre
          const Point<3>        centre = cell->center();
          BrickPartition::Index coarse;
          for (unsigned int d = 0; d < 3; ++d)
            coarse[d] =
                std::upper_bound(graded_nodes[d].begin(), graded_nodes[d].end(), centre[d]) -
                graded_nodes[d].begin() - 1;
          wrong_owner += cell->subdomain_id() != partition.owner(coarse);
        }
      BOOST_TEST(wrong_owner == 0u, refinements << " refinements");
      BOOST_TEST(owned == (block.empty() ? 0 : expected_owned), refinements << " refinements");
      BOOST_TEST(held == (block.empty() ? 0 : expected_held), refinements << " refinements");
      BOOST_TEST(triangulation.n_locally_owned_active_cells() == owned);
      BOOST_TEST(triangulation.n_global_active_cells() == std::size_t(4 * 2 * 3)
                                                              << (3 * refinements));
    }
}

BOOST_AUTO_TEST_CASE(ranks_without_a_block_hold_no_cells)
{
  // One coarse cell, refined once: with more than one rank, only the
  // cell's owner has a block, and the others hold a placeholder cell,
  // artificial.
  DistributedBrick triangulation(MPI_COMM_WORLD);
  triangulation.create(uniform_brick_nodes(1, 0., 1.), 1);
  std::size_t held = 0;
  for (const auto &cell : triangulation.active_cell_iterators())
    held += !cell->is_artificial();
  const BrickPartition partition({{1, 1, 1}}, Utilities::MPI::n_mpi_processes(MPI_COMM_WORLD));
  const bool           owner =
      partition.owner({{0, 0, 0}}) == Utilities::MPI::this_mpi_process(MPI_COMM_WORLD);
  BOOST_TEST(held == (owner ? 8u : 0u));
  BOOST_TEST(triangulation.n_locally_owned_active_cells() == (owner ? 8u : 0u));
  BOOST_TEST(triangulation.n_global_active_cells() == 8u);
}

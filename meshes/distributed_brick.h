#pragma once
// A brick of axis-parallel hexahedra, given by its coarse node coordinates
// along each axis and a number of uniform refinements, built directly as a
// parallel::fullydistributed::Triangulation: every rank creates only its
// own block of coarse cells, refined, plus one layer of fine ghost cells.
// No rank ever holds the whole mesh or p4est's forest.

#include <deal.II/distributed/fully_distributed_tria.h>

#include <array>
#include <vector>

namespace ebweld
{
  /// Node coordinates along x, y and z [m], each strictly increasing with
  /// at least two entries.
  using BrickNodes = std::array<std::vector<double>, 3>;

  /// The ranks' blocks: recursive bisection of the cell index box along its
  /// longest side, with cells split in proportion to the ranks on each
  /// side, so blocks differ by at most one cell layer in size.
  class BrickPartition
  {
  public:
    using Index = std::array<unsigned int, 3>;
    struct Block
    {
      Index begin, end; // cell indices [begin, end) along each axis
      bool  empty() const;
    };

    BrickPartition(const Index &n_cells, unsigned int n_ranks);

    const Block &block(unsigned int rank) const { return blocks_[rank]; }
    unsigned int owner(const Index &cell) const;

  private:
    void split(const Block &box, unsigned int first_rank, unsigned int n_ranks);

    Index              n_cells_;
    std::vector<Block> blocks_;
  };

  /// Boundary id of the faces where a rank's ghost layer ends. deal.II sees
  /// them as boundary faces (no neighbour on this rank), with id 0 unless
  /// told otherwise, and boundary conditions on id 0 would then constrain
  /// DoFs that are interior to the mesh.
  constexpr dealii::types::boundary_id ghost_layer_edge_id = 200;

  /// Creates the brick of coarse cells between `coarse_nodes_m`, each
  /// refined `refinements` times, on `triangulation`'s communicator. Ranks
  /// own blocks of coarse cells. The active cells' faces on the brick's
  /// boundary get the ids of a colorized GridGenerator brick: 2 d for the
  /// low and 2 d + 1 for the high face normal to axis d; faces where the
  /// local cells end inside the brick get ghost_layer_edge_id. (Faces of
  /// the parent cells keep id 0: nothing uses them.)
  void create_distributed_brick(dealii::parallel::fullydistributed::Triangulation<3> &triangulation,
                                const BrickNodes &coarse_nodes_m,
                                unsigned int      refinements = 0);

  /// Nodes of n equal cells on [low, high] along every axis.
  BrickNodes uniform_brick_nodes(unsigned int n, double low, double high);
} // namespace ebweld

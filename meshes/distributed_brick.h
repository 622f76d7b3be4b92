#pragma once
// A brick of axis-parallel hexahedra, given by its coarse node coordinates
// along each axis and a number of uniform refinements, built directly as a
// parallel::fullydistributed::Triangulation: every rank creates only its
// own block of coarse cells, refined, plus one layer of fine ghost cells.
// No rank ever holds the whole mesh or p4est's forest.

#include <deal.II/distributed/fully_distributed_tria.h>

#include <array>
#include <optional>
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
      bool  contains(const Index &cell) const;
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

  /// A brick of coarse cells between given nodes, each refined a number of
  /// times. Ranks own blocks of coarse cells (BrickPartition), and each
  /// rank holds its owned fine cells plus one layer of fine ghost cells.
  ///
  /// deal.II builds a fully distributed triangulation from a description
  /// that lists cells level by level, and sorts each level's list twice
  /// with a comparison that looks up coarse cells by binary search: at
  /// 474k cells per rank those sorts were half of the mesh's 2.4 s. The
  /// description here lists one child per refined cell, which is enough
  /// for deal.II to refine it; every active cell then gets its owner from
  /// its position when the triangulation updates its number cache, before
  /// anything reads the owners.
  class DistributedBrick : public dealii::parallel::fullydistributed::Triangulation<3>
  {
  public:
    explicit DistributedBrick(MPI_Comm comm);

    /// Creates the brick between `coarse_nodes_m` on this triangulation's
    /// communicator; the triangulation must be empty. The active cells'
    /// faces on the brick's boundary get the ids of a colorized
    /// GridGenerator brick: 2 d for the low and 2 d + 1 for the high face
    /// normal to axis d; faces where the local cells end inside the brick
    /// get ghost_layer_edge_id. (Faces of the parent cells keep id 0:
    /// nothing uses them.)
    void create(const BrickNodes &coarse_nodes_m, unsigned int refinements = 0);

  private:
    /// Sets each active cell's subdomain id from its position (owned,
    /// ghost or artificial), then updates the counts and global indices.
    void update_number_cache() override;

    /// Where the cells of the last create() are: the fine cell index box
    /// this rank owns, the one it holds (owned plus ghost layer), and the
    /// partition of the coarse cells.
    struct Layout
    {
      BrickPartition::Index         n_coarse{};
      unsigned int                  refinements = 0;
      BrickPartition::Block         owned_fine{}, held_fine{};
      std::optional<BrickPartition> partition;
    };
    Layout layout_;
  };

  /// Nodes of n equal cells on [low, high] along every axis.
  BrickNodes uniform_brick_nodes(unsigned int n, double low, double high);
} // namespace ebweld

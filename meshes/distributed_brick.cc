#include "meshes/distributed_brick.h"

#include <deal.II/base/mpi.h>
#include <deal.II/grid/cell_id.h>
#include <deal.II/grid/tria_description.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ebweld
{
  using namespace dealii;

  namespace
  {
    using Block = BrickPartition::Block;

    struct Cut
    {
      unsigned int axis, position, left_ranks;
    };

    /// Where a block shared by n_ranks > 1 ranks is cut: across its longest
    /// side, at the cell layer that splits the cells like the ranks.
    Cut bisect(const Block &box, const unsigned int n_ranks)
    {
      unsigned int axis = 0;
      for (unsigned int d = 1; d < 3; ++d)
        if (box.end[d] - box.begin[d] > box.end[axis] - box.begin[axis])
          axis = d;
      const unsigned int left_ranks = n_ranks / 2;
      const unsigned int length     = box.end[axis] - box.begin[axis];
      const unsigned int position =
          box.begin[axis] +
          static_cast<unsigned int>(
              (static_cast<unsigned long>(length) * left_ranks + n_ranks / 2) / n_ranks);
      return {axis, position, left_ranks};
    }

    std::pair<Block, Block> halves(const Block &box, const Cut &cut)
    {
      Block left = box, right = box;
      left.end[cut.axis]    = cut.position;
      right.begin[cut.axis] = cut.position;
      return {left, right};
    }

    /// Boundary ids of the active cells' boundary faces, from where they
    /// lie. Not part of the description: deal.II copies each cell's data
    /// at every comparison while sorting it, and cells with boundary ids
    /// carry a vector; with labelling after creation the setup's median
    /// over three alternating runs at 952k DoFs on 2 ranks fell from 4.8
    /// to 4.2 s. (Ids on the coarse level only do not work: deal.II does
    /// not pass them on to the children.) The brick is axis-aligned, so face
    /// 2 d + s of a cell is normal to axis d, on its low (s = 0) or high
    /// (s = 1) side; a brick face is at least a cell away from any face
    /// where the local cells end, so half a cell is a safe tolerance.
    void label_boundary_faces(parallel::fullydistributed::Triangulation<3> &triangulation,
                              const BrickNodes                             &nodes_m)
    {
      for (const auto &cell : triangulation.active_cell_iterators())
        {
          if (!cell->at_boundary())
            continue;
          const Point<3> low = cell->vertex(0), high = cell->vertex(7);
          for (const unsigned int f : cell->face_indices())
            if (cell->face(f)->at_boundary())
              {
                const unsigned int d       = f / 2;
                const bool         is_high = f % 2 == 1;
                const double       plane   = is_high ? high[d] : low[d];
                const double       brick   = is_high ? nodes_m[d].back() : nodes_m[d].front();
                cell->face(f)->set_boundary_id(std::abs(plane - brick) < 0.5 * (high[d] - low[d])
                                                   ? static_cast<types::boundary_id>(f)
                                                   : ghost_layer_edge_id);
              }
        }
    }

    /// deal.II's coarse cell id of the coarse cell with index `cell` in a
    /// brick of `n` coarse cells: lexicographic, x fastest.
    types::coarse_cell_id coarse_cell_id(const BrickPartition::Index &cell,
                                         const BrickPartition::Index &n)
    {
      return cell[0] + static_cast<types::coarse_cell_id>(n[0]) *
                           (cell[1] + static_cast<types::coarse_cell_id>(n[1]) * cell[2]);
    }

    /// The inverse of coarse_cell_id().
    BrickPartition::Index coarse_cell_index(types::coarse_cell_id        id,
                                            const BrickPartition::Index &n)
    {
      BrickPartition::Index cell;
      for (unsigned int d = 0; d < 3; ++d)
        {
          cell[d] = static_cast<unsigned int>(id % n[d]);
          id /= n[d];
        }
      return cell;
    }
  } // namespace

  bool BrickPartition::Block::empty() const
  {
    for (unsigned int d = 0; d < 3; ++d)
      if (end[d] <= begin[d])
        return true;
    return false;
  }

  bool BrickPartition::Block::contains(const Index &cell) const
  {
    for (unsigned int d = 0; d < 3; ++d)
      if (cell[d] < begin[d] || cell[d] >= end[d])
        return false;
    return true;
  }

  BrickPartition::BrickPartition(const Index &n_cells, const unsigned int n_ranks)
      : n_cells_(n_cells)
      , blocks_(n_ranks)
  {
    split({{{0, 0, 0}}, n_cells}, 0, n_ranks);
  }

  void BrickPartition::split(const Block &box, const unsigned int first_rank,
                             const unsigned int n_ranks)
  {
    if (n_ranks == 1)
      {
        blocks_[first_rank] = box;
        return;
      }
    const Cut  cut   = bisect(box, n_ranks);
    const auto parts = halves(box, cut);
    split(parts.first, first_rank, cut.left_ranks);
    split(parts.second, first_rank + cut.left_ranks, n_ranks - cut.left_ranks);
  }

  unsigned int BrickPartition::owner(const Index &cell) const
  {
    // descend the same bisection the blocks came from
    Block        box{{{0, 0, 0}}, n_cells_};
    unsigned int first_rank = 0, n_ranks = blocks_.size();
    while (n_ranks > 1)
      {
        const Cut  cut   = bisect(box, n_ranks);
        const auto parts = halves(box, cut);
        if (cell[cut.axis] < cut.position)
          {
            box     = parts.first;
            n_ranks = cut.left_ranks;
          }
        else
          {
            box = parts.second;
            first_rank += cut.left_ranks;
            n_ranks -= cut.left_ranks;
          }
      }
    return first_rank;
  }

  DistributedBrick::DistributedBrick(const MPI_Comm comm)
      : parallel::fullydistributed::Triangulation<3>(comm)
  {
  }

  void DistributedBrick::create(const BrickNodes &coarse_nodes_m, const unsigned int refinements)
  {
    using Index = BrickPartition::Index;
    Index n_coarse, n_fine;
    for (unsigned int d = 0; d < 3; ++d)
      {
        const auto &nodes = coarse_nodes_m[d];
        if (nodes.size() < 2 || !std::is_sorted(nodes.begin(), nodes.end()) ||
            std::adjacent_find(nodes.begin(), nodes.end()) != nodes.end())
          throw std::invalid_argument("DistributedBrick::create: the nodes along each axis must "
                                      "be at least two, strictly increasing");
        n_coarse[d] = nodes.size() - 1;
        n_fine[d]   = n_coarse[d] << refinements;
      }
    const MPI_Comm     comm = get_communicator();
    const unsigned int rank = Utilities::MPI::this_mpi_process(comm);
    layout_.n_coarse        = n_coarse;
    layout_.refinements     = refinements;
    layout_.partition.emplace(n_coarse, Utilities::MPI::n_mpi_processes(comm));
    const Block owned = layout_.partition->block(rank);

    TriangulationDescription::Description<3, 3> description;
    description.comm      = comm;
    description.settings  = TriangulationDescription::Settings::default_setting;
    description.smoothing = Triangulation<3>::none;
    description.cell_infos.resize(refinements + 1);
    layout_.owned_fine = layout_.held_fine = Block{};
    if (owned.empty())
      {
        create_triangulation(description);
        return;
      }

    // the owned fine cells and one layer of ghost cells around them, and
    // on each level the ancestors of those cells
    for (unsigned int d = 0; d < 3; ++d)
      {
        layout_.owned_fine.begin[d] = owned.begin[d] << refinements;
        layout_.owned_fine.end[d]   = owned.end[d] << refinements;
        layout_.held_fine.begin[d] =
            layout_.owned_fine.begin[d] > 0 ? layout_.owned_fine.begin[d] - 1 : 0;
        layout_.held_fine.end[d] = std::min(layout_.owned_fine.end[d] + 1, n_fine[d]);
      }
    const auto on_level = [&](const unsigned int level) {
      Block box = layout_.held_fine;
      for (unsigned int d = 0; d < 3; ++d)
        {
          box.begin[d] = layout_.held_fine.begin[d] >> (refinements - level);
          box.end[d]   = ((layout_.held_fine.end[d] - 1) >> (refinements - level)) + 1;
        }
      return box;
    };
    const Block coarse = on_level(0);
    Index       n_nodes;
    for (unsigned int d = 0; d < 3; ++d)
      n_nodes[d] = coarse.end[d] - coarse.begin[d] + 1;
    for (unsigned int k = 0; k < n_nodes[2]; ++k)
      for (unsigned int j = 0; j < n_nodes[1]; ++j)
        for (unsigned int i = 0; i < n_nodes[0]; ++i)
          description.coarse_cell_vertices.emplace_back(coarse_nodes_m[0][coarse.begin[0] + i],
                                                        coarse_nodes_m[1][coarse.begin[1] + j],
                                                        coarse_nodes_m[2][coarse.begin[2] + k]);
    for (unsigned int k = coarse.begin[2]; k < coarse.end[2]; ++k)
      for (unsigned int j = coarse.begin[1]; j < coarse.end[1]; ++j)
        for (unsigned int i = coarse.begin[0]; i < coarse.end[0]; ++i)
          {
            dealii::CellData<3> cell;
            // deal.II's hexahedron vertex order is lexicographic in (x, y, z)
            for (unsigned int v = 0; v < 8; ++v)
              cell.vertices[v] = (i - coarse.begin[0] + (v & 1)) +
                                 n_nodes[0] * ((j - coarse.begin[1] + ((v >> 1) & 1)) +
                                               n_nodes[1] * (k - coarse.begin[2] + ((v >> 2) & 1)));
            cell.material_id = 0;
            cell.manifold_id = numbers::flat_manifold_id;
            description.coarse_cells.push_back(cell);
            description.coarse_cell_index_to_coarse_cell_id.push_back(
                coarse_cell_id({{i, j, k}}, n_coarse));
          }

    // Level 0 lists the coarse cells; each finer level lists child 0 of
    // every cell of the level above that has descendants here, so that
    // deal.II refines exactly those cells.
    std::vector<std::uint8_t> children;
    for (unsigned int level = 0; level <= refinements; ++level)
      {
        const Block        box    = on_level(level > 0 ? level - 1 : 0);
        const unsigned int stride = level > 0 ? 2 : 1;
        auto              &infos  = description.cell_infos[level];
        for (unsigned int k = stride * box.begin[2]; k < stride * box.end[2]; k += stride)
          for (unsigned int j = stride * box.begin[1]; j < stride * box.end[1]; j += stride)
            for (unsigned int i = stride * box.begin[0]; i < stride * box.end[0]; i += stride)
              {
                const Index parent{{i >> level, j >> level, k >> level}};
                // children of a hexahedron are numbered like its vertices
                children.clear();
                for (unsigned int generation = level; generation-- > 0;)
                  children.push_back(((i >> generation) & 1) | (((j >> generation) & 1) << 1) |
                                     (((k >> generation) & 1) << 2));
                TriangulationDescription::CellData<3> info;
                info.id = CellId(coarse_cell_id(parent, n_coarse), children).to_binary<3>();
                info.subdomain_id       = layout_.partition->owner(parent);
                info.level_subdomain_id = info.subdomain_id;
                info.manifold_id        = numbers::flat_manifold_id;
                info.manifold_line_ids.fill(numbers::flat_manifold_id);
                info.manifold_quad_ids.fill(numbers::flat_manifold_id);
                infos.push_back(std::move(info));
              }
      }
    create_triangulation(description);
    label_boundary_faces(*this, coarse_nodes_m);
  }

  void DistributedBrick::update_number_cache()
  {
    // deal.II calls this at the end of create_triangulation(), after it has
    // set the owners of the listed cells only, and before it records the
    // owned cells. (The fully distributed triangulation's own override adds
    // only multigrid level owners, which the default settings do not use.)
    if (layout_.partition)
      {
        const unsigned int rank = Utilities::MPI::this_mpi_process(get_communicator());
        const unsigned int r    = layout_.refinements;
        for (const auto &cell : active_cell_iterators())
          {
            types::subdomain_id owner = numbers::artificial_subdomain_id;
            if (static_cast<unsigned int>(cell->level()) == r)
              {
                // the fine cell index from the coarse cell and the path of children
                const CellId                id = cell->id();
                const BrickPartition::Index coarse_cell =
                    coarse_cell_index(id.get_coarse_cell_id(), layout_.n_coarse);
                BrickPartition::Index fine = coarse_cell;
                for (const std::uint8_t child : id.get_child_indices())
                  for (unsigned int d = 0; d < 3; ++d)
                    fine[d] = 2 * fine[d] + ((child >> d) & 1);
                if (layout_.owned_fine.contains(fine))
                  owner = rank;
                else if (layout_.held_fine.contains(fine))
                  owner = layout_.partition->owner(coarse_cell);
              }
            cell->set_subdomain_id(owner);
          }
      }
    parallel::TriangulationBase<3>::update_number_cache();
  }

  BrickNodes uniform_brick_nodes(const unsigned int n, const double low, const double high)
  {
    std::vector<double> nodes(n + 1);
    for (unsigned int i = 0; i <= n; ++i)
      nodes[i] = low + (high - low) * i / n;
    nodes.back() = high;
    return {{nodes, nodes, nodes}};
  }
} // namespace ebweld

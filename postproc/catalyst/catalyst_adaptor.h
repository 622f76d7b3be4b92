#pragma once
// The C interface of the ParaView Catalyst adaptor library
// (libebweld_catalyst.so). ebweld loads the library with dlopen only when a
// Catalyst script is requested, so that runs without Catalyst neither need
// ParaView installed nor pay its start-up cost (libvtkPVCatalyst alone
// pulls in 414 shared libraries: 0.3 s per process here, loaded lazily and
// deep-bound, 1.1 s with every symbol bound at once). Plain
// C types only: no VTK or deal.II type crosses it.

#ifdef __cplusplus
extern "C"
{
#endif

  /// One rank's part of the mesh: its locally owned hexahedra.
  struct EbweldCatalystGrid
  {
    long long            n_points;
    const double        *points; // x, y, z of each point [m]
    long long            n_cells;
    const long long     *connectivity; // 8 point indices per cell, VTK order
    int                  n_point_fields;
    const char *const   *point_field_names;
    const double *const *point_fields; // n_points values each
    int                  n_cell_fields;
    const char *const   *cell_field_names;
    const double *const *cell_fields; // n_cells values each
  };

  /// Whether 32-bit VTK connectivity and offsets hold n_cells hexahedra
  /// (the largest entry is the last offset, 8 n_cells). The adaptor and
  /// ebweld's own .vtu writer then use them: a fifth fewer bytes.
  static inline int ebweld_hexahedra_fit_int32(const long long n_cells)
  {
    return 8 * n_cells < 2147483647LL;
  }

  /// Starts Catalyst on the communicator (Fortran handle, MPI_Comm_c2f) and
  /// loads the Python pipelines. Returns 0, or non-zero with a message in
  /// `error` (at most error_size bytes).
  int ebweld_catalyst_initialize(int communicator, int n_scripts, const char *const *scripts,
                                 char *error, int error_size);

  /// Hands the grid to the pipelines that want output at this time step.
  /// `parameters_json` travels with the data as field data "parameters".
  /// Returns 0, or non-zero with a message in `error`.
  int ebweld_catalyst_coprocess(const struct EbweldCatalystGrid *grid, double time, int time_step,
                                const char *parameters_json, char *error, int error_size);

  /// Finalizes Catalyst and releases every VTK object (before MPI_Finalize).
  void ebweld_catalyst_finalize(void);

#ifdef __cplusplus
}
#endif

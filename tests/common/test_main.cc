// Shared main of the Boost.Test executables: MPI is initialised around the
// test runner so that every test can run under mpirun with any rank count,
// and an invalid floating-point operation (a NaN made from numbers, such as
// 0/0 or sqrt(-1)) raises SIGFPE, so that a NaN fails the test where it is
// made instead of passing through a comparison unnoticed.

#define BOOST_TEST_NO_MAIN
#include <boost/test/unit_test.hpp>

#include <deal.II/base/mpi.h>

#include <cfenv>

namespace
{
  bool initialise_tests()
  {
    // after MPI_Init and PetscInitialize, which set up their own state
    feenableexcept(FE_INVALID);
    return true;
  }
} // namespace

int main(int argc, char **argv)
{
  dealii::Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  return boost::unit_test::unit_test_main(&initialise_tests, argc, argv);
}

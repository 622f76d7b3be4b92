// Shared main of the Boost.Test executables: MPI is initialised around the
// test runner so that every test can run under mpirun with any rank count.

#define BOOST_TEST_NO_MAIN
#include <boost/test/unit_test.hpp>

#include <deal.II/base/mpi.h>

namespace
{
  bool initialise_tests()
  {
    return true;
  }
} // namespace

int main(int argc, char **argv)
{
  dealii::Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  return boost::unit_test::unit_test_main(&initialise_tests, argc, argv);
}

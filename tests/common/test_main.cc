// Shared main of the Boost.Test executables: MPI is initialised around the
// test runner so that every test can run under mpirun with any rank count,
// and an invalid floating-point operation (a NaN made from numbers, such as
// 0/0 or sqrt(-1)) raises SIGFPE inside every test, so that a NaN fails the
// test where it is made instead of passing a comparison unnoticed.

#define BOOST_TEST_NO_MAIN
#include <boost/test/unit_test.hpp>

#include <deal.II/base/mpi.h>

#include <cfenv>
#include <cstdlib>

// Boost.Test sets the trapped exceptions around each test from its option
// detect_fp_exceptions, a flag it turns into the mask 1: on x86 that is
// FE_INVALID alone (not overflow, underflow or inexact, which exp() and
// friends raise legitimately).
static_assert(FE_INVALID == 1, "Boost.Test's detect_fp_exceptions would trap more than FE_INVALID");

int main(int argc, char **argv)
{
  dealii::Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  setenv("BOOST_TEST_DETECT_FP_EXCEPTIONS", "yes", 0); // a run may still say no
  return boost::unit_test::unit_test_main([]() { return true; }, argc, argv);
}

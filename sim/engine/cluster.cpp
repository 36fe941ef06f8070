#include "sim/engine/cluster.hpp"

#include <cstdlib>

#ifdef RF_HAVE_MPI
#include <mpi.h>
#endif

namespace rf {

#ifdef RF_HAVE_MPI
namespace {

bool started_by_launcher() {
  // Open MPI's mpirun, PMIx (srun --mpi=pmix) and PMI-1/2 launchers set one of these.
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}

}  // namespace
#endif

Cluster::Cluster([[maybe_unused]] int& argc, [[maybe_unused]] char**& argv) {
#ifdef RF_HAVE_MPI
  if (!started_by_launcher()) return;
  int provided = 0;
  // Worker threads never call MPI; only the main thread does.
  MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
  mpi_ = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
#endif
}

Cluster::~Cluster() {
#ifdef RF_HAVE_MPI
  if (mpi_) MPI_Finalize();
#endif
}

int Cluster::agree(int status) const {
#ifdef RF_HAVE_MPI
  if (mpi_) {
    int out = 0;
    MPI_Allreduce(&status, &out, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    return out;
  }
#endif
  return status;
}

bool Cluster::available() {
#ifdef RF_HAVE_MPI
  return true;
#else
  return false;
#endif
}

}  // namespace rf

// The processes of one command: a single process, or the ranks of an MPI job (mpirun, srun).
// MPI is initialised only when a launcher started us, so a plain run never touches it.
#pragma once

namespace rf {

class Cluster {
 public:
  Cluster(int& argc, char**& argv);  // initialises MPI if built with it and started by a launcher
  ~Cluster();                        // finalises MPI
  Cluster(const Cluster&) = delete;
  Cluster& operator=(const Cluster&) = delete;

  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int size() const { return size_; }
  [[nodiscard]] bool root() const { return rank_ == 0; }

  /// Collective: the largest `status` over all ranks (0 everywhere means all went well).
  [[nodiscard]] int agree(int status) const;

  /// True if this build can run under MPI.
  static bool available();

 private:
  int rank_ = 0, size_ = 1;
  bool mpi_ = false;
};

}  // namespace rf

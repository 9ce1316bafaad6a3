#ifndef NOISESTEP_CMPI_SHIM_H
#define NOISESTEP_CMPI_SHIM_H

#include <mpi.h>

// Open MPI's predefined handles are macros over global objects, which Swift does not
// import; these wrappers return them. They hold no logic of their own.

static inline MPI_Comm noisestep_mpi_comm_world(void) { return MPI_COMM_WORLD; }
static inline MPI_Datatype noisestep_mpi_byte(void) { return MPI_BYTE; }
static inline MPI_Datatype noisestep_mpi_double(void) { return MPI_DOUBLE; }
static inline MPI_Datatype noisestep_mpi_float(void) { return MPI_FLOAT; }
static inline MPI_Op noisestep_mpi_sum(void) { return MPI_SUM; }
static inline MPI_Info noisestep_mpi_info_null(void) { return MPI_INFO_NULL; }
/// `MPI_IN_PLACE`: the receive buffer also holds this rank's contribution.
static inline void *noisestep_mpi_in_place(void) { return MPI_IN_PLACE; }
static inline MPI_Status *noisestep_mpi_status_ignore(void) { return MPI_STATUS_IGNORE; }

#endif
